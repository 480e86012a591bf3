# Idiom seen in: kingsman142/captcha-solver model.py
# What it reproduces: the small CNN character classifier (conv and linear layers, all with biases).
import torch.nn as nn


class CharacterClassifier(nn.Module):
    def __init__(self, num_classes = 36):
        super(CharacterClassifier, self).__init__()
        self.num_classes = num_classes  # 26 uppercase letters + 10 digits
        self.model = nn.Sequential(
            nn.Conv2d(in_channels = 1, out_channels = 20, kernel_size = (5, 5), stride = (1, 1), padding = (4, 4)),
            nn.ReLU(inplace = True),
            nn.MaxPool2d(kernel_size = 2, stride = 2),
            nn.Conv2d(in_channels = 20, out_channels = 50, kernel_size = (5, 5), stride = (1, 1), padding = (4, 4)),
            nn.ReLU(inplace = True),
            nn.MaxPool2d(kernel_size = 2, stride = 2),
            nn.Flatten(),
            nn.Linear(in_features = 24200, out_features = 500, bias = True),
            nn.ReLU(inplace = True),
            nn.Linear(in_features = 500, out_features = self.num_classes, bias = True)
        )

    def forward(self, img):
        return self.model(img)
