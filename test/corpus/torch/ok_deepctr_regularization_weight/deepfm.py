# Idiom seen in: shenweichen/DeepCTR-Torch deepctr_torch/models/basemodel.py (subclasses register their DNN weights:
#   add_regularization_weight(filter(lambda x: 'weight' in x[0] and 'bn' not in x[0], self.dnn.named_parameters()))
# What it reproduces: DeepFM = linear part + FM over the sparse embeddings + a DNN tower, the DNN Linear weights
#   and the final dnn_linear weight registered for L2 with l2_reg_dnn.
# label-note: clean (see basemodel.py). The name filter keeps linears.*.weight and drops linears.*.bias and
#   bn.*.weight / bn.*.bias, so the penalty covers no bias or normalization parameter.
import torch
import torch.nn as nn

from basemodel import BaseModel
from inputs import combined_dnn_input, compute_input_dim, input_from_feature_columns
from layers import DNN, FM


class DeepFM(BaseModel):
    def __init__(self, linear_feature_columns, dnn_feature_columns, use_fm=True, dnn_hidden_units=(256, 128),
                 l2_reg_linear=1e-5, l2_reg_embedding=1e-5, l2_reg_dnn=0, init_std=1e-4, seed=1024,
                 dnn_dropout=0, dnn_use_bn=False, task="binary", device="cpu"):
        super().__init__(linear_feature_columns, dnn_feature_columns, l2_reg_linear=l2_reg_linear,
                         l2_reg_embedding=l2_reg_embedding, init_std=init_std, seed=seed, task=task, device=device)
        self.use_fm = use_fm
        self.fm = FM() if use_fm else None
        self.dnn = DNN(compute_input_dim(dnn_feature_columns), dnn_hidden_units, dropout_rate=dnn_dropout,
                       use_bn=dnn_use_bn, init_std=init_std, device=device)
        self.dnn_linear = nn.Linear(dnn_hidden_units[-1], 1, bias=False).to(device)
        self.add_regularization_weight(
            filter(lambda x: "weight" in x[0] and "bn" not in x[0], self.dnn.named_parameters()), l2=l2_reg_dnn)
        self.add_regularization_weight(self.dnn_linear.weight, l2=l2_reg_dnn)
        self.to(device)

    def forward(self, X):
        sparse_embedding_list, dense_value_list = input_from_feature_columns(X, self.dnn_feature_columns,
                                                                             self.embedding_dict, self.feature_index)
        logit = self.linear_model(X)
        if self.use_fm and len(sparse_embedding_list) > 0:
            logit += self.fm(torch.cat(sparse_embedding_list, dim=1))
        dnn_input = combined_dnn_input(sparse_embedding_list, dense_value_list)
        logit += self.dnn_linear(self.dnn(dnn_input))
        return self.out(logit)
