# Idiom seen in: microsoft/qlib qlib/contrib/model/pytorch_transformer.py
# Idiom seen in: microsoft/qlib examples/benchmarks/Transformer/workflow_config_transformer_Alpha360.yaml
# What it reproduces: qlib's TransformerModel picks its optimizer by a string ("adam" / "gd") and passes
#   reg (1e-3) as weight_decay over all of self.model.parameters(): under Adam that is coupled L2 at
#   ten times the learning rate, and the LayerNorms and biases of the encoder are decayed too.
import copy
import math

import numpy as np
import pandas as pd
import torch
import torch.nn as nn
import torch.optim as optim

from qlib.model.base import Model
from qlib.data.dataset import DatasetH
from qlib.data.dataset.handler import DataHandlerLP
from qlib.log import get_module_logger


class TransformerModel(Model):
    def __init__(self, d_feat=20, d_model=64, batch_size=2048, nhead=2, num_layers=2, dropout=0,
                 n_epochs=100, lr=0.0001, early_stop=5, loss="mse", optimizer="adam", reg=1e-3,
                 GPU=0, seed=None, **kwargs):
        self.d_model = d_model
        self.n_epochs = n_epochs
        self.lr = lr
        self.reg = reg
        self.batch_size = batch_size
        self.early_stop = early_stop
        self.loss = loss
        self.device = torch.device("cuda:%d" % GPU if torch.cuda.is_available() and GPU >= 0 else "cpu")
        self.logger = get_module_logger("TransformerModel")
        if seed is not None:
            np.random.seed(seed)
            torch.manual_seed(seed)

        self.model = Transformer(d_feat, d_model, nhead, num_layers, dropout, self.device)
        if optimizer.lower() == "adam":
            self.train_optimizer = optim.Adam(self.model.parameters(), lr=self.lr, weight_decay=self.reg)  # expect: WD202, WD203
        elif optimizer.lower() == "gd":
            self.train_optimizer = optim.SGD(self.model.parameters(), lr=self.lr, weight_decay=self.reg)
        else:
            raise NotImplementedError("optimizer {} is not supported!".format(optimizer))
        self.fitted = False
        self.model.to(self.device)

    def loss_fn(self, pred, label):
        mask = ~torch.isnan(label)
        if self.loss == "mse":
            return torch.mean((pred[mask] - label[mask]) ** 2)
        raise ValueError("unknown loss `%s`" % self.loss)

    def train_epoch(self, x_train, y_train):
        x_values = x_train.values
        y_values = np.squeeze(y_train.values)
        self.model.train()
        indices = np.arange(len(x_values))
        np.random.shuffle(indices)
        for i in range(len(indices))[:: self.batch_size]:
            if len(indices) - i < self.batch_size:
                break
            feature = torch.from_numpy(x_values[indices[i: i + self.batch_size]]).float().to(self.device)
            label = torch.from_numpy(y_values[indices[i: i + self.batch_size]]).float().to(self.device)
            pred = self.model(feature)
            loss = self.loss_fn(pred, label)
            self.train_optimizer.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_value_(self.model.parameters(), 3.0)
            self.train_optimizer.step()

    def fit(self, dataset: DatasetH, evals_result=dict(), save_path=None):
        df_train, df_valid = dataset.prepare(["train", "valid"], col_set=["feature", "label"],
                                             data_key=DataHandlerLP.DK_L)
        x_train, y_train = df_train["feature"], df_train["label"]
        self.fitted = True
        for step in range(self.n_epochs):
            self.logger.info("Epoch%d:", step)
            self.train_epoch(x_train, y_train)
        if save_path is not None:
            torch.save(copy.deepcopy(self.model.state_dict()), save_path)


class PositionalEncoding(nn.Module):
    def __init__(self, d_model, max_len=1000):
        super(PositionalEncoding, self).__init__()
        pe = torch.zeros(max_len, d_model)
        position = torch.arange(0, max_len, dtype=torch.float).unsqueeze(1)
        div_term = torch.exp(torch.arange(0, d_model, 2).float() * (-math.log(10000.0) / d_model))
        pe[:, 0::2] = torch.sin(position * div_term)
        pe[:, 1::2] = torch.cos(position * div_term)
        self.register_buffer("pe", pe.unsqueeze(0).transpose(0, 1))

    def forward(self, x):
        return x + self.pe[: x.size(0), :]


class Transformer(nn.Module):
    def __init__(self, d_feat=6, d_model=8, nhead=4, num_layers=2, dropout=0.5, device=None):
        super(Transformer, self).__init__()
        self.feature_layer = nn.Linear(d_feat, d_model)
        self.pos_encoder = PositionalEncoding(d_model)
        self.encoder_layer = nn.TransformerEncoderLayer(d_model=d_model, nhead=nhead, dropout=dropout)
        self.transformer_encoder = nn.TransformerEncoder(self.encoder_layer, num_layers=num_layers)
        self.decoder_layer = nn.Linear(d_model, 1)
        self.device = device
        self.d_feat = d_feat

    def forward(self, src):
        src = src.reshape(len(src), self.d_feat, -1).permute(0, 2, 1)
        src = self.feature_layer(src).transpose(1, 0)
        src = self.pos_encoder(src)
        output = self.transformer_encoder(src, None)
        output = self.decoder_layer(output.transpose(1, 0)[:, -1, :])
        return output.squeeze()
