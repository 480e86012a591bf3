# Idiom seen in: apchenstu/TensoRF train.py
# Idiom seen in: apchenstu/TensoRF models/tensorBase.py
# What it reproduces: TensoRF's per-group learning rates from get_optparam_groups() given to Adam with
#   betas=(0.9, 0.99) and no weight decay; its L1 and TV terms are sparsity/smoothness losses, not L2: clean.
import argparse

import torch
import torch.nn as nn

from dataLoader import dataset_dict
from renderer import OctreeRender_trilinear_fast


class MLPRender_Fea(nn.Module):
    def __init__(self, in_chanel, feape=6, featureC=128):
        super().__init__()
        self.in_mlpC = 2 * feape * in_chanel + 3 + in_chanel
        self.mlp = nn.Sequential(nn.Linear(self.in_mlpC, featureC), nn.ReLU(inplace=True),
                                 nn.Linear(featureC, featureC), nn.ReLU(inplace=True),
                                 nn.Linear(featureC, 3))

    def forward(self, features):
        return torch.sigmoid(self.mlp(features))


class TensorVMSplit(nn.Module):
    def __init__(self, grid_size, density_n_comp=16, app_n_comp=48, app_dim=27):
        super().__init__()
        self.density_plane = nn.ParameterList(
            [nn.Parameter(0.1 * torch.randn(1, density_n_comp, grid_size, grid_size)) for _ in range(3)])
        self.density_line = nn.ParameterList(
            [nn.Parameter(0.1 * torch.randn(1, density_n_comp, grid_size, 1)) for _ in range(3)])
        self.app_plane = nn.ParameterList(
            [nn.Parameter(0.1 * torch.randn(1, app_n_comp, grid_size, grid_size)) for _ in range(3)])
        self.app_line = nn.ParameterList(
            [nn.Parameter(0.1 * torch.randn(1, app_n_comp, grid_size, 1)) for _ in range(3)])
        self.basis_mat = nn.Linear(app_n_comp * 3, app_dim, bias=False)
        self.renderModule = MLPRender_Fea(app_dim)

    def get_optparam_groups(self, lr_init_spatialxyz=0.02, lr_init_network=0.001):
        grad_vars = [{'params': self.density_line, 'lr': lr_init_spatialxyz},
                     {'params': self.density_plane, 'lr': lr_init_spatialxyz},
                     {'params': self.app_line, 'lr': lr_init_spatialxyz},
                     {'params': self.app_plane, 'lr': lr_init_spatialxyz},
                     {'params': self.basis_mat.parameters(), 'lr': lr_init_network}]
        grad_vars += [{'params': self.renderModule.parameters(), 'lr': lr_init_network}]
        return grad_vars

    def density_L1(self):
        total = 0
        for idx in range(len(self.density_plane)):
            total = total + torch.mean(torch.abs(self.density_plane[idx])) + torch.mean(torch.abs(self.density_line[idx]))
        return total


def reconstruction(args):
    train_dataset = dataset_dict[args.dataset_name](args.datadir, split='train', downsample=args.downsample_train)
    tensorf = TensorVMSplit(args.grid_size).cuda()
    grad_vars = tensorf.get_optparam_groups(args.lr_init, args.lr_basis)
    optimizer = torch.optim.Adam(grad_vars, betas=(0.9, 0.99))
    lr_factor = args.lr_decay_target_ratio ** (1 / args.n_iters)

    L1_reg_weight = args.L1_weight_inital
    for iteration in range(args.n_iters):
        rays_train, rgb_train = train_dataset.sample(args.batch_size)
        rgb_map = OctreeRender_trilinear_fast(rays_train, tensorf, chunk=args.batch_size, is_train=True)
        loss = torch.mean((rgb_map - rgb_train.cuda()) ** 2)
        total_loss = loss
        if L1_reg_weight > 0:
            loss_reg_L1 = tensorf.density_L1()
            total_loss = total_loss + L1_reg_weight * loss_reg_L1
        optimizer.zero_grad()
        total_loss.backward()
        optimizer.step()
        for param_group in optimizer.param_groups:
            param_group['lr'] = param_group['lr'] * lr_factor


if __name__ == '__main__':
    parser = argparse.ArgumentParser()
    parser.add_argument('--datadir', type=str, default='./data/nerf_synthetic/lego')
    parser.add_argument('--dataset_name', type=str, default='blender')
    parser.add_argument('--downsample_train', type=float, default=1.0)
    parser.add_argument('--grid_size', type=int, default=128)
    parser.add_argument('--batch_size', type=int, default=4096)
    parser.add_argument('--n_iters', type=int, default=30000)
    parser.add_argument('--lr_init', type=float, default=0.02)
    parser.add_argument('--lr_basis', type=float, default=1e-3)
    parser.add_argument('--lr_decay_target_ratio', type=float, default=0.1)
    parser.add_argument('--L1_weight_inital', type=float, default=8e-5)
    reconstruction(parser.parse_args())
