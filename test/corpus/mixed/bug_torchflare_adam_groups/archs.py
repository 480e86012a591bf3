# Idiom seen in: Atharva-Phatak/NLP-Project-LU Atharva/archs.py
# What it reproduces: the HydraNetwork: a shared transformer backbone with three task heads (is_humor, controversy,
#   humor rating) for the multitask humor detection experiment.
import torch.nn as nn
from transformers import AutoModel


class HydraNetwork(nn.Module):
    def __init__(self, model_path):
        super().__init__()
        self.backbone = AutoModel.from_pretrained(model_path)
        hidden = self.backbone.config.hidden_size
        self.dropout = nn.Dropout(0.1)
        self.is_humor = nn.Linear(hidden, 1)
        self.humor_controversy = nn.Linear(hidden, 1)
        self.humor_rating = nn.Linear(hidden, 1)

    def forward(self, x):
        pooled = self.dropout(self.backbone(**x).last_hidden_state[:, 0])
        return {
            "is_humor": self.is_humor(pooled),
            "humor_controversy": self.humor_controversy(pooled),
            "humor_rating": self.humor_rating(pooled),
        }
