# Idiom seen in: paolorechia/common-lit-kaggle common_lit_kaggle/modeling/deberta.py
# What it reproduces: a Hugging Face DeBERTa backbone with a small regression head,
# trained by training.py with AdamW built on all of its parameters.
import torch
from torch import nn
from transformers import AutoModel


class DebertaWithRegressionHead(nn.Module):
    def __init__(self, checkpoint: str = "microsoft/deberta-v3-base", n_targets: int = 2):
        super().__init__()
        self.backbone = AutoModel.from_pretrained(checkpoint)
        hidden = self.backbone.config.hidden_size
        self.dropout = nn.Dropout(0.1)
        self.head = nn.Linear(hidden, n_targets)

    def forward(self, input_tensor):
        out = self.backbone(**input_tensor)
        pooled = out.last_hidden_state[:, 0, :]
        return self.head(self.dropout(pooled))

    def save_pretrained(self, path):
        torch.save(self.state_dict(), f"{path}/model.pt")
