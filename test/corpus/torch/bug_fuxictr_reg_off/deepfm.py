# Idiom seen in: reczoo/FuxiCTR model_zoo/DeepFM/src/DeepFM.py
# What it reproduces: DeepFM forwards its embedding_regularizer / net_regularizer to BaseModel.
import torch
import torch.nn as nn

from base_model import BaseModel


class DeepFM(BaseModel):
    def __init__(self, feature_map, model_id="DeepFM", learning_rate=1e-3, embedding_dim=10,
                 hidden_units=[64, 64, 64], net_dropout=0, embedding_regularizer=None, net_regularizer=None,
                 **kwargs):
        super(DeepFM, self).__init__(feature_map, model_id=model_id,
                                     embedding_regularizer=embedding_regularizer,
                                     net_regularizer=net_regularizer, **kwargs)
        num_fields = feature_map.num_fields
        self.embedding = nn.Embedding(feature_map.num_features, embedding_dim)
        self.lr_weight = nn.Embedding(feature_map.num_features, 1)
        layers, in_dim = [], num_fields * embedding_dim
        for units in hidden_units:
            layers += [nn.Linear(in_dim, units), nn.ReLU(), nn.Dropout(net_dropout)]
            in_dim = units
        layers.append(nn.Linear(in_dim, 1))
        self.mlp = nn.Sequential(*layers)
        self.compile(kwargs["optimizer"], kwargs["loss"], learning_rate)

    def forward(self, X):
        feature_emb = self.embedding(X)
        lr_out = self.lr_weight(X).sum(dim=1)
        sum_sq = feature_emb.sum(dim=1) ** 2
        sq_sum = (feature_emb ** 2).sum(dim=1)
        fm_out = 0.5 * (sum_sq - sq_sum).sum(dim=1, keepdim=True)
        y_pred = lr_out + fm_out + self.mlp(feature_emb.flatten(start_dim=1))
        return {"y_pred": torch.sigmoid(y_pred)}
