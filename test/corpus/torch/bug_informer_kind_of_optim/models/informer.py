# Idiom seen in: zhouhaoyi/Informer2020 exp/exp_informer.py (model_dict {'informer': Informer, ...}; the model
#   itself is written here, shortened: encoder only, no ProbSparse attention)
# What it reproduces: an Informer-like forecaster: circular Conv1d token embedding, encoder layers with
#   LayerNorms and 1x1 Conv1d feed-forward, distilling ConvLayers with BatchNorm1d, and a Linear projection.
# label-note: no findings here; its biases and norm parameters are decayed by exp/exp_informer.py.
import torch
import torch.nn as nn


class TokenEmbedding(nn.Module):
    def __init__(self, c_in, d_model):
        super().__init__()
        self.tokenConv = nn.Conv1d(c_in, d_model, kernel_size=3, padding=1, padding_mode='circular')

    def forward(self, x):
        return self.tokenConv(x.permute(0, 2, 1)).transpose(1, 2)


class ConvLayer(nn.Module):
    def __init__(self, c_in):
        super().__init__()
        self.downConv = nn.Conv1d(c_in, c_in, kernel_size=3, padding=1, padding_mode='circular')
        self.norm = nn.BatchNorm1d(c_in)
        self.maxPool = nn.MaxPool1d(kernel_size=3, stride=2, padding=1)

    def forward(self, x):
        x = self.maxPool(nn.functional.elu(self.norm(self.downConv(x.permute(0, 2, 1)))))
        return x.transpose(1, 2)


class EncoderLayer(nn.Module):
    def __init__(self, d_model, n_heads, d_ff, dropout=0.05):
        super().__init__()
        self.attention = nn.MultiheadAttention(d_model, n_heads, dropout=dropout, batch_first=True)
        self.conv1 = nn.Conv1d(d_model, d_ff, kernel_size=1)
        self.conv2 = nn.Conv1d(d_ff, d_model, kernel_size=1)
        self.norm1 = nn.LayerNorm(d_model)
        self.norm2 = nn.LayerNorm(d_model)
        self.dropout = nn.Dropout(dropout)

    def forward(self, x):
        x = self.norm1(x + self.dropout(self.attention(x, x, x, need_weights=False)[0]))
        y = self.dropout(torch.relu(self.conv1(x.transpose(-1, 1))))
        y = self.dropout(self.conv2(y).transpose(-1, 1))
        return self.norm2(x + y)


class Informer(nn.Module):
    def __init__(self, enc_in, c_out, seq_len, pred_len, d_model=512, n_heads=8, e_layers=2, d_ff=2048,
                 dropout=0.05, distil=True):
        super().__init__()
        self.pred_len = pred_len
        self.enc_embedding = TokenEmbedding(enc_in, d_model)
        self.layers = nn.ModuleList(EncoderLayer(d_model, n_heads, d_ff, dropout) for _ in range(e_layers))
        self.distil = nn.ModuleList(ConvLayer(d_model) for _ in range(e_layers - 1)) if distil else None
        self.norm = nn.LayerNorm(d_model)
        self.projection = nn.Linear(d_model, c_out * pred_len, bias=True)

    def forward(self, x_enc, x_mark_enc=None, x_dec=None, x_mark_dec=None):
        x = self.enc_embedding(x_enc)
        for i, layer in enumerate(self.layers):
            x = layer(x)
            if self.distil is not None and i < len(self.distil):
                x = self.distil[i](x)
        out = self.projection(self.norm(x)[:, -1])
        return out.view(x_enc.size(0), self.pred_len, -1)
