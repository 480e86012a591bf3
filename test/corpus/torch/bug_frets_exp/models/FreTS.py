# Idiom seen in: aikunyi/FreTS models/FreTS.py
# What it reproduces: the FreTS model module: frequency-domain MLPs with complex weight/bias parameters
#   (r1, i1, rb1, ib1) and a Linear/LeakyReLU forecasting head with biases.
import torch
import torch.nn as nn
import torch.nn.functional as F


class Model(nn.Module):
    def __init__(self, configs):
        super(Model, self).__init__()
        self.embed_size = 128
        self.hidden_size = 256
        self.pre_length = configs.pred_len
        self.feature_size = configs.enc_in
        self.seq_length = configs.seq_len
        self.channel_independence = configs.channel_independence
        self.sparsity_threshold = 0.01
        self.scale = 0.02
        self.embeddings = nn.Parameter(torch.randn(1, self.embed_size))
        self.r1 = nn.Parameter(self.scale * torch.randn(self.embed_size, self.embed_size))
        self.i1 = nn.Parameter(self.scale * torch.randn(self.embed_size, self.embed_size))
        self.rb1 = nn.Parameter(self.scale * torch.randn(self.embed_size))
        self.ib1 = nn.Parameter(self.scale * torch.randn(self.embed_size))
        self.fc = nn.Sequential(
            nn.Linear(self.seq_length * self.embed_size, self.hidden_size),
            nn.LeakyReLU(),
            nn.Linear(self.hidden_size, self.pre_length))

    def tokenEmb(self, x):
        x = x.permute(0, 2, 1).unsqueeze(3)
        return x * self.embeddings

    def MLP_temporal(self, x, B, N, L):
        x = torch.fft.rfft(x, dim=2, norm='ortho')
        o1_real = F.relu(torch.einsum('bijd,dd->bijd', x.real, self.r1)
                         - torch.einsum('bijd,dd->bijd', x.imag, self.i1) + self.rb1)
        o1_imag = F.relu(torch.einsum('bijd,dd->bijd', x.imag, self.r1)
                         + torch.einsum('bijd,dd->bijd', x.real, self.i1) + self.ib1)
        y = torch.stack([o1_real, o1_imag], dim=-1)
        y = F.softshrink(y, lambd=self.sparsity_threshold)
        y = torch.view_as_complex(y)
        return torch.fft.irfft(y, n=self.seq_length, dim=2, norm='ortho')

    def forward(self, x):
        B, T, N = x.shape
        x = self.tokenEmb(x)
        bias = x
        x = self.MLP_temporal(x, B, N, T)
        x = x + bias
        x = self.fc(x.reshape(B, N, -1)).permute(0, 2, 1)
        return x
