# Idiom seen in: apchenstu/TensoRF models/tensorBase.py
# What it reproduces: the model method returning learning-rate groups; the last group holds the whole
#   render MLP (biased Linear layers) and sets no weight_decay of its own, so Adam's decay reaches its biases.
import torch
import torch.nn as nn


class MLPRender_Fea(nn.Module):
    def __init__(self, in_chanel, feape=6, featureC=128):
        super().__init__()
        self.in_mlpC = 2 * feape * in_chanel + 3 + in_chanel
        layer1 = nn.Linear(self.in_mlpC, featureC)
        layer2 = nn.Linear(featureC, featureC)
        layer3 = nn.Linear(featureC, 3)
        self.mlp = nn.Sequential(layer1, nn.ReLU(inplace=True), layer2, nn.ReLU(inplace=True), layer3)

    def forward(self, features):
        return torch.sigmoid(self.mlp(features))


class TensorVM(nn.Module):
    def __init__(self, gridSize, n_comp=24, app_dim=27):
        super().__init__()
        self.plane_coef = nn.Parameter(0.1 * torch.randn((3, 2 * n_comp, gridSize, gridSize)))
        self.line_coef = nn.Parameter(0.1 * torch.randn((3, 2 * n_comp, gridSize, 1)))
        self.basis_mat = nn.Linear(n_comp * 3, app_dim, bias=False)
        self.renderModule = MLPRender_Fea(app_dim)

    def get_optparam_groups(self, lr_init_spatialxyz=0.02, lr_init_network=0.001):
        grad_vars = [{'params': self.line_coef, 'lr': lr_init_spatialxyz},
                     {'params': self.plane_coef, 'lr': lr_init_spatialxyz},
                     {'params': self.basis_mat.parameters(), 'lr': lr_init_network}]
        if isinstance(self.renderModule, torch.nn.Module):
            grad_vars += [{'params': self.renderModule.parameters(), 'lr': lr_init_network}]  # expect: WD203
        return grad_vars
