# Idiom seen in: omihub777/ViT-CIFAR vit.py
# What it reproduces: the small ViT the Lightning module wraps: patch embedding, cls token and position
#   embedding as bare nn.Parameters, pre-norm encoder blocks with nn.LayerNorm, a LayerNorm+Linear head.
import torch
import torch.nn as nn


class TransformerEncoder(nn.Module):
    def __init__(self, feats, mlp_hidden, head=8, dropout=0.):
        super().__init__()
        self.la1 = nn.LayerNorm(feats)
        self.msa = nn.MultiheadAttention(feats, head, dropout=dropout, batch_first=True)
        self.la2 = nn.LayerNorm(feats)
        self.mlp = nn.Sequential(nn.Linear(feats, mlp_hidden), nn.GELU(), nn.Dropout(dropout),
                                 nn.Linear(mlp_hidden, feats), nn.GELU(), nn.Dropout(dropout))

    def forward(self, x):
        h = self.la1(x)
        out = self.msa(h, h, h, need_weights=False)[0] + x
        return self.mlp(self.la2(out)) + out


class ViT(nn.Module):
    def __init__(self, in_c=3, num_classes=10, img_size=32, patch=8, dropout=0., num_layers=7,
                 hidden=384, mlp_hidden=384 * 4, head=8):
        super().__init__()
        self.patch = patch
        self.patch_size = img_size // self.patch
        f = (img_size // self.patch) ** 2 * 3
        num_tokens = self.patch ** 2 + 1
        self.emb = nn.Linear(f, hidden)
        self.cls_token = nn.Parameter(torch.randn(1, 1, hidden))
        self.pos_emb = nn.Parameter(torch.randn(1, num_tokens, hidden))
        self.enc = nn.Sequential(*[TransformerEncoder(hidden, mlp_hidden, head, dropout)
                                   for _ in range(num_layers)])
        self.fc = nn.Sequential(nn.LayerNorm(hidden), nn.Linear(hidden, num_classes))

    def _to_words(self, x):
        out = x.unfold(2, self.patch_size, self.patch_size).unfold(3, self.patch_size, self.patch_size).permute(0, 2, 3, 4, 5, 1)
        return out.reshape(x.size(0), self.patch ** 2, -1)

    def forward(self, x):
        out = self.emb(self._to_words(x))
        out = torch.cat([self.cls_token.repeat(out.size(0), 1, 1), out], dim=1)
        out = self.enc(out + self.pos_emb)
        return self.fc(out[:, 0])
