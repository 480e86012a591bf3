# Idiom seen in: sayakpaul/keras-convnext-conversion convert.py
# What it reproduces: the PyTorch reference ConvNeXt whose pretrained state_dict finetune.py copies into the
#   Keras port (no optimizer here: torch is used with grad disabled, only as a weight source).
import torch
import torch.nn as nn


class Block(nn.Module):
    def __init__(self, dim, layer_scale_init_value=1e-6):
        super().__init__()
        self.dwconv = nn.Conv2d(dim, dim, kernel_size=7, padding=3, groups=dim)
        self.norm = nn.LayerNorm(dim, eps=1e-6)
        self.pwconv1 = nn.Linear(dim, 4 * dim)
        self.act = nn.GELU()
        self.pwconv2 = nn.Linear(4 * dim, dim)
        self.gamma = nn.Parameter(layer_scale_init_value * torch.ones(dim))

    def forward(self, x):
        shortcut = x
        x = self.dwconv(x).permute(0, 2, 3, 1)
        x = self.pwconv2(self.act(self.pwconv1(self.norm(x))))
        x = (self.gamma * x).permute(0, 3, 1, 2)
        return shortcut + x


def convnext_tiny(checkpoint_url, num_classes=1000):
    from timm.models.convnext import ConvNeXt as _TimmConvNeXt
    model = _TimmConvNeXt(depths=[3, 3, 9, 3], dims=[96, 192, 384, 768], num_classes=num_classes)
    state = torch.hub.load_state_dict_from_url(checkpoint_url, map_location="cpu")
    model.load_state_dict(state["model"])
    return model
