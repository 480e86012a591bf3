# Idiom seen in: awslabs/gluonts src/gluonts/torch/model/deepar/lightning_module.py
# Idiom seen in: awslabs/gluonts src/gluonts/torch/model/deepar/estimator.py
# What it reproduces: the DeepAR LightningModule returns torch.optim.Adam(self.model.parameters(), lr, weight_decay)
#   from configure_optimizers: coupled L2 under Adam, on every LSTM/embedding/projection bias too (real repo).
from typing import List

import torch
from torch import nn


class DeepARModel(nn.Module):
    def __init__(self, freq: str, context_length: int, prediction_length: int, num_feat_dynamic_real: int,
                 cardinality: List[int], embedding_dimension: List[int], num_layers: int = 2,
                 hidden_size: int = 40, dropout_rate: float = 0.1) -> None:
        super().__init__()
        self.context_length = context_length
        self.prediction_length = prediction_length
        self.target_shape = ()
        self.embedder = nn.ModuleList(
            [nn.Embedding(c, d) for c, d in zip(cardinality, embedding_dimension)])
        self.rnn = nn.LSTM(
            input_size=1 + num_feat_dynamic_real + sum(embedding_dimension),
            hidden_size=hidden_size, num_layers=num_layers, dropout=dropout_rate, batch_first=True)
        self.param_proj = nn.Linear(hidden_size, 3)  # Student-t: df, loc, scale

    def output_distribution(self, params, scale):
        df, loc, s = params.unbind(-1)
        return torch.distributions.StudentT(2.0 + nn.functional.softplus(df), loc * scale,
                                            nn.functional.softplus(s) * scale)

    def unroll(self, feat_static_cat, past_target, past_time_feat):
        scale = past_target.abs().mean(dim=1, keepdim=True).clamp(min=1e-10)
        embedded = torch.cat([emb(feat_static_cat[:, i]) for i, emb in enumerate(self.embedder)], dim=-1)
        static = embedded.unsqueeze(1).expand(-1, past_target.shape[1], -1)
        rnn_input = torch.cat([(past_target / scale).unsqueeze(-1), past_time_feat, static], dim=-1)
        output, _ = self.rnn(rnn_input)
        return self.param_proj(output), scale
