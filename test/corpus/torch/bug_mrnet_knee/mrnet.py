# Idiom seen in: spmallick/learnopencv MRNet-Single-Model/models/MRnet.py
# What it reproduces: three AlexNet feature trunks (conv layers with biases) for the axial, coronal and
# sagittal series and a Linear head with bias; all of these parameters go to one decayed optimizer group.
import torch
import torch.nn as nn
from torchvision import models


class MRnet(nn.Module):
    def __init__(self):
        super(MRnet, self).__init__()
        self.axial = models.alexnet(pretrained=True).features
        self.coronal = models.alexnet(pretrained=True).features
        self.saggital = models.alexnet(pretrained=True).features
        self.pool_axial = nn.AdaptiveAvgPool2d(1)
        self.pool_coronal = nn.AdaptiveAvgPool2d(1)
        self.pool_saggital = nn.AdaptiveAvgPool2d(1)
        self.fc = nn.Sequential(nn.Linear(in_features=3 * 256, out_features=1))

    def forward(self, x):
        images = [torch.squeeze(img, dim=0) for img in x]
        image1 = self.pool_axial(self.axial(images[0])).view(images[0].size(0), -1)
        image2 = self.pool_coronal(self.coronal(images[1])).view(images[1].size(0), -1)
        image3 = self.pool_saggital(self.saggital(images[2])).view(images[2].size(0), -1)
        image1 = torch.max(image1, dim=0, keepdim=True)[0]
        image2 = torch.max(image2, dim=0, keepdim=True)[0]
        image3 = torch.max(image3, dim=0, keepdim=True)[0]
        return self.fc(torch.cat([image1, image2, image3], dim=1))
