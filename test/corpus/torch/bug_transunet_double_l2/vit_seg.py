# Idiom seen in: Beckschen/TransUNet trainer.py
# What it reproduces: a (shrunk) TransUNet: conv stem with BatchNorm, transformer encoder with LayerNorm,
# conv decoder with BatchNorm; all parameters are later decayed by SGD and by an explicit L2 term.
import torch
import torch.nn as nn


class Conv2dReLU(nn.Sequential):
    def __init__(self, in_channels, out_channels, kernel_size, padding=0):
        conv = nn.Conv2d(in_channels, out_channels, kernel_size, padding=padding, bias=False)
        bn = nn.BatchNorm2d(out_channels)
        super().__init__(conv, bn, nn.ReLU(inplace=True))


class Block(nn.Module):
    def __init__(self, hidden_size, num_heads, mlp_dim):
        super().__init__()
        self.attention_norm = nn.LayerNorm(hidden_size, eps=1e-6)
        self.attn = nn.MultiheadAttention(hidden_size, num_heads, batch_first=True)
        self.ffn_norm = nn.LayerNorm(hidden_size, eps=1e-6)
        self.ffn = nn.Sequential(nn.Linear(hidden_size, mlp_dim), nn.GELU(), nn.Linear(mlp_dim, hidden_size))

    def forward(self, x):
        h = self.attention_norm(x)
        x = x + self.attn(h, h, h, need_weights=False)[0]
        return x + self.ffn(self.ffn_norm(x))


class VisionTransformer(nn.Module):
    def __init__(self, img_size=224, num_classes=9, hidden_size=768, num_layers=12, patch=16):
        super().__init__()
        self.stem = Conv2dReLU(3, 64, 3, padding=1)
        self.patch_embeddings = nn.Conv2d(64, hidden_size, kernel_size=patch, stride=patch)
        n_patches = (img_size // patch) ** 2
        self.position_embeddings = nn.Parameter(torch.zeros(1, n_patches, hidden_size))
        self.layers = nn.ModuleList([Block(hidden_size, 12, 3072) for _ in range(num_layers)])
        self.encoder_norm = nn.LayerNorm(hidden_size, eps=1e-6)
        self.conv_more = Conv2dReLU(hidden_size, 512, 3, padding=1)
        self.up = nn.Upsample(scale_factor=patch, mode='bilinear')
        self.segmentation_head = nn.Conv2d(512, num_classes, kernel_size=3, padding=1)

    def forward(self, x):
        if x.size()[1] == 1:
            x = x.repeat(1, 3, 1, 1)
        x = self.patch_embeddings(self.stem(x))
        b, c, h, w = x.shape
        x = x.flatten(2).transpose(1, 2) + self.position_embeddings
        for blk in self.layers:
            x = blk(x)
        x = self.encoder_norm(x).transpose(1, 2).reshape(b, c, h, w)
        return self.segmentation_head(self.up(self.conv_more(x)))
