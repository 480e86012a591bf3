# Idiom seen in: adkevin3307/eeg_classification Net.py
# Idiom seen in: adkevin3307/eeg_classification Model.py
# What it reproduces: EEGNet for the BCI competition data (bias-free convs with BatchNorm, one linear
#   classifier), trained by the Keras-like Model wrapper in Model.py.
import torch
import torch.nn as nn


class EEGNet(nn.Module):
    def __init__(self, activation: str) -> None:
        super(EEGNet, self).__init__()
        _activation = {'ReLU': nn.ReLU, 'LeakyReLU': nn.LeakyReLU, 'ELU': nn.ELU}[activation]

        self.first_conv = nn.Sequential(
            nn.Conv2d(1, 16, kernel_size=(1, 51), stride=(1, 1), padding=(0, 25), bias=False),
            nn.BatchNorm2d(num_features=16)
        )
        self.depthwise_conv = nn.Sequential(
            nn.Conv2d(16, 32, kernel_size=(2, 1), stride=(1, 1), groups=16, bias=False),
            nn.BatchNorm2d(32),
            _activation(),
            nn.AvgPool2d(kernel_size=(1, 4), stride=(1, 4)),
            nn.Dropout(p=0.25)
        )
        self.separable_conv = nn.Sequential(
            nn.Conv2d(32, 32, kernel_size=(1, 15), stride=(1, 1), padding=(0, 7), bias=False),
            nn.BatchNorm2d(32),
            _activation(),
            nn.AvgPool2d(kernel_size=(1, 8), stride=(1, 8)),
            nn.Dropout(p=0.25)
        )
        self.classify = nn.Sequential(nn.Linear(in_features=736, out_features=2))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = self.first_conv(x)
        x = self.depthwise_conv(x)
        x = self.separable_conv(x)
        x = torch.flatten(x, start_dim=1)
        return self.classify(x)
