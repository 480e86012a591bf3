# Idiom seen in: miracleyoo/pytorch-lightning-template model/model_interface.py
# Idiom seen in: miracleyoo/pytorch-lightning-template classification/main.py
# What it reproduces: MInterface.configure_optimizers gives Adam the --weight_decay (argparse default 1e-5) read from hparams:
# coupled L2 under Adam (WD202) on all of self.parameters(), BatchNorm and biases of the loaded StandardNet included (WD203). As in the repo.
import torch.nn as nn


class StandardNet(nn.Module):
    def __init__(self, in_channel=3, hid=64, layer_num=5):
        super().__init__()
        layers = []
        channels = in_channel
        for _ in range(layer_num):
            layers += [
                nn.Conv2d(channels, hid, kernel_size=3, padding=1),
                nn.BatchNorm2d(hid),
                nn.ReLU(inplace=True),
                nn.MaxPool2d(2, ceil_mode=True),
            ]
            channels = hid
        self.features = nn.Sequential(*layers)
        self.head = nn.Linear(hid, 1)

    def forward(self, x):
        x = self.features(x).mean(dim=(2, 3))
        return self.head(x)
