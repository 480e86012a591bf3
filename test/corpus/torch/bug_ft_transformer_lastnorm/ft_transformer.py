# Idiom seen in: yandex-research/tabular-dl-revisiting-models bin/ft_transformer.py
# What it reproduces: FT-Transformer keeps weight decay off parameters whose names contain 'tokenizer',
#   '.norm' or '.bias'. With prenormalization the head norm is self.last_normalization, whose weight is
#   named 'last_normalization.weight': no '.norm' in it, so this LayerNorm scale lands in the decayed
#   group (WD203, at that group's params entry), as in the original script.
import math
import typing as ty

import torch
import torch.nn as nn
import torch.nn.functional as F
import zero

import lib

args = {
    'seed': 0,
    'data': {'path': 'data/california_housing', 'normalization': 'quantile'},
    'model': {'d_token': 192, 'n_layers': 3, 'n_heads': 8, 'd_ffn_factor': 4 / 3,
              'attention_dropout': 0.2, 'ffn_dropout': 0.1, 'residual_dropout': 0.0,
              'activation': 'relu', 'prenormalization': True},
    'training': {'batch_size': 256, 'lr': 1e-4, 'weight_decay': 1e-5, 'optimizer': 'adamw',
                 'n_epochs': 1000, 'patience': 16},
}


class Tokenizer(nn.Module):
    def __init__(self, d_numerical: int, d_token: int):
        super().__init__()
        self.weight = nn.Parameter(torch.empty(d_numerical + 1, d_token))
        self.bias = nn.Parameter(torch.empty(d_numerical, d_token))
        nn.init.kaiming_uniform_(self.weight, a=math.sqrt(5))
        nn.init.kaiming_uniform_(self.bias, a=math.sqrt(5))

    def forward(self, x_num):
        x_num = torch.cat([torch.ones(len(x_num), 1, device=x_num.device), x_num], dim=1)
        x = self.weight[None] * x_num[:, :, None]
        bias = torch.cat([torch.zeros(1, self.bias.shape[1], device=x.device), self.bias])
        return x + bias[None]


class MultiheadAttention(nn.Module):
    def __init__(self, d: int, n_heads: int, dropout: float):
        super().__init__()
        self.W_q = nn.Linear(d, d)
        self.W_k = nn.Linear(d, d)
        self.W_v = nn.Linear(d, d)
        self.W_out = nn.Linear(d, d) if n_heads > 1 else None
        self.n_heads = n_heads
        self.dropout = nn.Dropout(dropout) if dropout else None

    def _reshape(self, x):
        batch_size, n_tokens, d = x.shape
        d_head = d // self.n_heads
        return x.reshape(batch_size, n_tokens, self.n_heads, d_head).transpose(1, 2)

    def forward(self, x_q, x_kv):
        q, k, v = self._reshape(self.W_q(x_q)), self._reshape(self.W_k(x_kv)), self._reshape(self.W_v(x_kv))
        attention = F.softmax(q @ k.transpose(-1, -2) / math.sqrt(q.shape[-1]), dim=-1)
        if self.dropout is not None:
            attention = self.dropout(attention)
        x = (attention @ v).transpose(1, 2).reshape(x_q.shape)
        return self.W_out(x) if self.W_out is not None else x


class Transformer(nn.Module):
    def __init__(self, *, d_numerical, n_layers, d_token, n_heads, d_ffn_factor, attention_dropout,
                 ffn_dropout, residual_dropout, activation, prenormalization, d_out):
        super().__init__()
        self.tokenizer = Tokenizer(d_numerical, d_token)

        def make_normalization():
            return nn.LayerNorm(d_token)

        d_hidden = int(d_token * d_ffn_factor)
        self.layers = nn.ModuleList([])
        for layer_idx in range(n_layers):
            layer = nn.ModuleDict({
                'attention': MultiheadAttention(d_token, n_heads, attention_dropout),
                'linear0': nn.Linear(d_token, d_hidden),
                'linear1': nn.Linear(d_hidden, d_token),
                'norm1': make_normalization(),
            })
            if not prenormalization or layer_idx:
                layer['norm0'] = make_normalization()
            self.layers.append(layer)
        self.activation = lib.get_activation_fn(activation)
        self.prenormalization = prenormalization
        self.last_normalization = make_normalization() if prenormalization else None
        self.ffn_dropout = ffn_dropout
        self.residual_dropout = residual_dropout
        self.head = nn.Linear(d_token, d_out)

    def forward(self, x_num):
        x = self.tokenizer(x_num)
        for layer in self.layers:
            x_residual = layer['norm0'](x) if 'norm0' in layer else x
            x_residual = layer['attention'](x_residual, x_residual)
            x = x + F.dropout(x_residual, self.residual_dropout, self.training)
            x_residual = layer['norm1'](x)
            x_residual = layer['linear1'](F.dropout(self.activation(layer['linear0'](x_residual)),
                                                    self.ffn_dropout, self.training))
            x = x + F.dropout(x_residual, self.residual_dropout, self.training)
        x = x[:, 0]
        if self.last_normalization is not None:
            x = self.last_normalization(x)
        return self.head(F.relu(x)).squeeze(-1)


if __name__ == "__main__":
    zero.set_randomness(args['seed'])
    X_train, y_train = torch.load(args['data']['path'] + '/train.pt')
    model = Transformer(d_numerical=X_train.shape[1], d_out=1, **args['model'])
    if torch.cuda.device_count() > 1:
        model = nn.DataParallel(model)

    def needs_wd(name):
        return all(x not in name for x in ['tokenizer', '.norm', '.bias'])

    parameters_with_wd = [v for k, v in model.named_parameters() if needs_wd(k)]
    parameters_without_wd = [v for k, v in model.named_parameters() if not needs_wd(k)]
    optimizer = lib.make_optimizer(
        args['training']['optimizer'],
        (
            [
                {'params': parameters_with_wd},  # expect: WD203
                {'params': parameters_without_wd, 'weight_decay': 0.0},
            ]
        ),
        args['training']['lr'],
        args['training']['weight_decay'],
    )

    batch_size = args['training']['batch_size']
    for epoch in range(args['training']['n_epochs']):
        model.train()
        perm = torch.randperm(len(X_train))
        for idx in perm.split(batch_size):
            optimizer.zero_grad()
            loss = F.mse_loss(model(X_train[idx]), y_train[idx])
            loss.backward()
            optimizer.step()
        print(epoch, loss.item(), lib.get_n_parameters(model))
