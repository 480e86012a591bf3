# Idiom seen in: OFA-Sys/Chinese-CLIP cn_clip/training/main.py
# What it reproduces: CLIP with a ViT image tower (norms named ln_pre/ln_1/ln_2/ln_post) and a BERT text tower
# whose norms are attributes named LayerNorm (BertEmbeddings.LayerNorm, BertSelfOutput.LayerNorm, ...).
import numpy as np
import torch
from torch import nn


class ResidualAttentionBlock(nn.Module):
    def __init__(self, d_model, n_head):
        super().__init__()
        self.attn = nn.MultiheadAttention(d_model, n_head)
        self.ln_1 = nn.LayerNorm(d_model)
        self.mlp = nn.Sequential(nn.Linear(d_model, d_model * 4), nn.GELU(), nn.Linear(d_model * 4, d_model))
        self.ln_2 = nn.LayerNorm(d_model)

    def forward(self, x):
        h = self.ln_1(x)
        x = x + self.attn(h, h, h, need_weights=False)[0]
        return x + self.mlp(self.ln_2(x))


class VisualTransformer(nn.Module):
    def __init__(self, input_resolution, patch_size, width, layers, heads, output_dim):
        super().__init__()
        self.conv1 = nn.Conv2d(3, width, kernel_size=patch_size, stride=patch_size, bias=False)
        scale = width ** -0.5
        self.class_embedding = nn.Parameter(scale * torch.randn(width))
        self.positional_embedding = nn.Parameter(scale * torch.randn((input_resolution // patch_size) ** 2 + 1, width))
        self.ln_pre = nn.LayerNorm(width)
        self.resblocks = nn.Sequential(*[ResidualAttentionBlock(width, heads) for _ in range(layers)])
        self.ln_post = nn.LayerNorm(width)
        self.proj = nn.Parameter(scale * torch.randn(width, output_dim))

    def forward(self, x):
        x = self.conv1(x).flatten(2).permute(0, 2, 1)
        cls = self.class_embedding.to(x.dtype) + torch.zeros(x.shape[0], 1, x.shape[-1], device=x.device)
        x = self.ln_pre(torch.cat([cls, x], dim=1) + self.positional_embedding)
        x = self.resblocks(x.permute(1, 0, 2)).permute(1, 0, 2)
        return self.ln_post(x[:, 0, :]) @ self.proj


class BertEmbeddings(nn.Module):
    def __init__(self, vocab_size, hidden_size, max_position):
        super().__init__()
        self.word_embeddings = nn.Embedding(vocab_size, hidden_size, padding_idx=0)
        self.position_embeddings = nn.Embedding(max_position, hidden_size)
        self.token_type_embeddings = nn.Embedding(2, hidden_size)
        self.LayerNorm = nn.LayerNorm(hidden_size, eps=1e-12)
        self.dropout = nn.Dropout(0.1)

    def forward(self, input_ids):
        positions = torch.arange(input_ids.size(1), device=input_ids.device).unsqueeze(0)
        emb = self.word_embeddings(input_ids) + self.position_embeddings(positions)
        emb = emb + self.token_type_embeddings(torch.zeros_like(input_ids))
        return self.dropout(self.LayerNorm(emb))


class BertLayer(nn.Module):
    def __init__(self, hidden_size, heads):
        super().__init__()
        self.attention = nn.MultiheadAttention(hidden_size, heads, batch_first=True)
        self.attention_output = nn.Linear(hidden_size, hidden_size)
        self.attention_LayerNorm = nn.LayerNorm(hidden_size, eps=1e-12)
        self.intermediate = nn.Linear(hidden_size, hidden_size * 4)
        self.output = nn.Linear(hidden_size * 4, hidden_size)
        self.LayerNorm = nn.LayerNorm(hidden_size, eps=1e-12)

    def forward(self, x, pad_mask):
        a = self.attention(x, x, x, key_padding_mask=pad_mask, need_weights=False)[0]
        x = self.attention_LayerNorm(x + self.attention_output(a))
        return self.LayerNorm(x + self.output(nn.functional.gelu(self.intermediate(x))))


class BertModel(nn.Module):
    def __init__(self, vocab_size=21128, hidden_size=768, layers=12, heads=12, max_position=512):
        super().__init__()
        self.embeddings = BertEmbeddings(vocab_size, hidden_size, max_position)
        self.layer = nn.ModuleList([BertLayer(hidden_size, heads) for _ in range(layers)])

    def forward(self, input_ids):
        pad_mask = input_ids.eq(0)
        x = self.embeddings(input_ids)
        for blk in self.layer:
            x = blk(x, pad_mask)
        return x


class CLIP(nn.Module):
    def __init__(self, embed_dim=512, image_resolution=224, vision_layers=12, vision_width=768,
                 vision_patch_size=16, text_hidden_size=768, text_layers=12):
        super().__init__()
        self.visual = VisualTransformer(image_resolution, vision_patch_size, vision_width, vision_layers,
                                        vision_width // 64, embed_dim)
        self.bert = BertModel(hidden_size=text_hidden_size, layers=text_layers)
        self.text_projection = nn.Parameter(torch.empty(text_hidden_size, embed_dim))
        self.logit_scale = nn.Parameter(torch.ones([]) * np.log(1 / 0.07))
        nn.init.normal_(self.text_projection, std=text_hidden_size ** -0.5)

    def forward(self, image, text):
        image_features = self.visual(image)
        text_features = self.bert(text)[:, 0, :] @ self.text_projection
        image_features = image_features / image_features.norm(dim=-1, keepdim=True)
        text_features = text_features / text_features.norm(dim=-1, keepdim=True)
        return image_features, text_features, self.logit_scale.exp()
