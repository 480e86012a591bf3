# Idiom seen in: EhsanRS/scModelForge src/scmodelforge/finetuning/model.py
# What it reproduces: a single-cell foundation-model backbone (gene + expression embeddings, transformer
#   layers whose norms are named layer_norm*) with a classification head, and freeze/unfreeze helpers.
import torch
import torch.nn as nn


class EncoderLayer(nn.Module):
    def __init__(self, hidden_dim, num_heads, dropout=0.1):
        super().__init__()
        self.self_attn = nn.MultiheadAttention(hidden_dim, num_heads, dropout=dropout, batch_first=True)
        self.layer_norm1 = nn.LayerNorm(hidden_dim)
        self.ffn = nn.Sequential(nn.Linear(hidden_dim, 4 * hidden_dim), nn.GELU(),
                                 nn.Linear(4 * hidden_dim, hidden_dim))
        self.layer_norm2 = nn.LayerNorm(hidden_dim)

    def forward(self, x, key_padding_mask):
        h = self.layer_norm1(x)
        x = x + self.self_attn(h, h, h, key_padding_mask=key_padding_mask, need_weights=False)[0]
        return x + self.ffn(self.layer_norm2(x))


class CellBackbone(nn.Module):
    def __init__(self, vocab_size=20000, hidden_dim=256, num_layers=6, num_heads=8):
        super().__init__()
        self.gene_embedding = nn.Embedding(vocab_size, hidden_dim, padding_idx=0)
        self.value_projection = nn.Linear(1, hidden_dim)
        self.layers = nn.ModuleList([EncoderLayer(hidden_dim, num_heads) for _ in range(num_layers)])
        self.final_layer_norm = nn.LayerNorm(hidden_dim)

    def forward(self, input_ids, attention_mask, values=None):
        x = self.gene_embedding(input_ids)
        if values is not None:
            x = x + self.value_projection(values.unsqueeze(-1))
        for layer in self.layers:
            x = layer(x, key_padding_mask=attention_mask == 0)
        x = self.final_layer_norm(x)
        mask = attention_mask.unsqueeze(-1).float()
        return (x * mask).sum(1) / mask.sum(1).clamp(min=1.0)


class ClassificationHead(nn.Module):
    def __init__(self, hidden_dim, num_classes, dropout=0.1):
        super().__init__()
        self.layer_norm = nn.LayerNorm(hidden_dim)
        self.dense = nn.Linear(hidden_dim, hidden_dim)
        self.dropout = nn.Dropout(dropout)
        self.out_proj = nn.Linear(hidden_dim, num_classes)

    def forward(self, x):
        return self.out_proj(self.dropout(torch.tanh(self.dense(self.layer_norm(x)))))


class FineTuneModel(nn.Module):
    def __init__(self, backbone, head):
        super().__init__()
        self.backbone = backbone
        self.head = head

    def freeze_backbone(self):
        for p in self.backbone.parameters():
            p.requires_grad = False

    def unfreeze_backbone(self):
        for p in self.backbone.parameters():
            p.requires_grad = True

    def forward(self, input_ids, attention_mask, values=None, labels=None):
        logits = self.head(self.backbone(input_ids, attention_mask, values))
        loss = nn.functional.cross_entropy(logits, labels) if labels is not None else None
        return logits, loss
