# Idiom seen in: amine-bambrik-p8/face-expression-recognition models/goodfellow_v3.py
# What it reproduces: the FER2013 CNN (conv blocks with BatchNorm and biased linear layers) that the agent trains.
import torch.nn as nn


def conv_block(in_ch, out_ch):
    return nn.Sequential(
        nn.Conv2d(in_ch, out_ch, kernel_size=3, padding=1),
        nn.BatchNorm2d(out_ch),
        nn.ReLU(inplace=True),
        nn.Conv2d(out_ch, out_ch, kernel_size=3, padding=1),
        nn.BatchNorm2d(out_ch),
        nn.ReLU(inplace=True),
        nn.MaxPool2d(2),
    )


class GoodFellowV3(nn.Module):
    def __init__(self, config):
        super().__init__()
        self.features = nn.Sequential(conv_block(1, 64), conv_block(64, 128), conv_block(128, 256))
        self.classifier = nn.Sequential(
            nn.Flatten(),
            nn.Dropout(config.dropout),
            nn.Linear(256 * 6 * 6, 1024),
            nn.ReLU(inplace=True),
            nn.Linear(1024, config.num_classes),
        )

    def forward(self, x):
        return self.classifier(self.features(x))
