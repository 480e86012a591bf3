# Idiom seen in: shenweichen/DeepCTR-Torch deepctr_torch/models/basemodel.py (add_regularization_weight,
#   get_regularization_loss, compile/_get_optim, fit: total_loss = loss + reg_loss + self.aux_loss)
# What it reproduces: a Keras-like BaseModel: regularized tensors are registered as (weight_list, l1, l2) tuples,
#   get_regularization_loss sums l2 * w**2 over them, compile("adagrad") builds torch.optim.Adagrad(self.parameters())
#   with its defaults, and fit backpropagates loss + reg_loss + aux_loss.
# label-note: clean. The L2 is an explicit penalty that reaches backward(); no optimizer of _get_optim has a
#   weight_decay (no WD201/WD202/WD203), and the registered tensors are embeddings, linear-feature weights and
#   DNN Linear weights only (the prediction bias and the BatchNorm weights are never registered).
import torch
import torch.nn as nn
import torch.nn.functional as F

from inputs import build_input_features, create_embedding_matrix, Linear
from layers import PredictionLayer


class BaseModel(nn.Module):
    def __init__(self, linear_feature_columns, dnn_feature_columns, l2_reg_linear=1e-5, l2_reg_embedding=1e-5,
                 init_std=1e-4, seed=1024, task="binary", device="cpu"):
        super().__init__()
        torch.manual_seed(seed)
        self.device, self.dnn_feature_columns = device, dnn_feature_columns
        self.feature_index = build_input_features(linear_feature_columns + dnn_feature_columns)
        self.embedding_dict = create_embedding_matrix(dnn_feature_columns, init_std, sparse=False, device=device)
        self.linear_model = Linear(linear_feature_columns, self.feature_index, device=device)
        self.regularization_weight = []
        self.add_regularization_weight(self.embedding_dict.parameters(), l2=l2_reg_embedding)
        self.add_regularization_weight(self.linear_model.parameters(), l2=l2_reg_linear)
        self.out = PredictionLayer(task)
        self.aux_loss = torch.zeros((1,), device=device)

    def add_regularization_weight(self, weight_list, l1=0.0, l2=0.0):
        weight_list = [weight_list] if isinstance(weight_list, nn.Parameter) else list(weight_list)
        self.regularization_weight.append((weight_list, l1, l2))

    def get_regularization_loss(self):
        total_reg_loss = torch.zeros((1,), device=self.device)
        for weight_list, l1, l2 in self.regularization_weight:
            for w in weight_list:
                parameter = w[1] if isinstance(w, tuple) else w  # named_parameters
                if l1 > 0:
                    total_reg_loss += torch.sum(l1 * torch.abs(parameter))
                if l2 > 0:
                    total_reg_loss += torch.sum(l2 * torch.square(parameter))
        return total_reg_loss

    def compile(self, optimizer, loss=None):
        self.optim = self._get_optim(optimizer)
        self.loss_func = F.binary_cross_entropy if loss == "binary_crossentropy" else F.mse_loss

    def _get_optim(self, optimizer):
        if isinstance(optimizer, str):
            if optimizer == "sgd":
                optim = torch.optim.SGD(self.parameters(), lr=0.01)
            elif optimizer == "adam":
                optim = torch.optim.Adam(self.parameters())  # 0.001
            elif optimizer == "adagrad":
                optim = torch.optim.Adagrad(self.parameters())  # 0.01
            elif optimizer == "rmsprop":
                optim = torch.optim.RMSprop(self.parameters())
            else:
                raise NotImplementedError
        else:
            optim = optimizer
        return optim

    def fit(self, train_loader, epochs=1):
        model, optim = self.train(), self.optim
        for epoch in range(epochs):
            for x, y in train_loader:
                x, y = x.to(self.device).float(), y.to(self.device).float()
                y_pred = model(x).squeeze()
                optim.zero_grad()
                loss = self.loss_func(y_pred, y.squeeze(), reduction="sum")
                reg_loss = self.get_regularization_loss()
                total_loss = loss + reg_loss + self.aux_loss
                total_loss.backward()
                optim.step()
