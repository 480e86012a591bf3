# Idiom seen in: suoxinkey/PlenOctrees_NeRF-SH modeling/spacenet.py
# What it reproduces: the radiance-field MLP that make_optimizer decays; plain nn.Linear layers with biases.
import torch
import torch.nn as nn


class SpaceNet(nn.Module):
    def __init__(self, include_input=True, c_pos=3, sh_dim=9, width=256, depth=8):
        super(SpaceNet, self).__init__()
        self.include_input = include_input
        layers = [nn.Linear(c_pos * 21, width), nn.ReLU(inplace=True)]
        for _ in range(depth - 1):
            layers += [nn.Linear(width, width), nn.ReLU(inplace=True)]
        self.trunk = nn.Sequential(*layers)
        self.sigma = nn.Linear(width, 1)
        self.sh_coeff = nn.Linear(width, 3 * sh_dim)

    def forward(self, pos):
        h = self.trunk(pos)
        return self.sigma(h), self.sh_coeff(h)


class RFRender(nn.Module):
    def __init__(self, coarse_ray_sample, fine_ray_sample, sample_method='NEAR_FAR'):
        super(RFRender, self).__init__()
        self.coarse_ray_sample = coarse_ray_sample
        self.fine_ray_sample = fine_ray_sample
        self.sample_method = sample_method
        self.spacenet = SpaceNet()
        self.spacenet_fine = SpaceNet()
        self.maxs = None
        self.mins = None

    def set_max_min(self, maxs, mins):
        self.maxs = maxs
        self.mins = mins

    def forward(self, rays, bboxes):
        sigma, sh = self.spacenet(rays)
        sigma_f, sh_f = self.spacenet_fine(rays)
        return (sigma, sh), (sigma_f, sh_f)


def build_model(cfg):
    return RFRender(cfg.MODEL.COARSE_RAY_SAMPLING, cfg.MODEL.FINE_RAY_SAMPLING,
                    sample_method=cfg.MODEL.SAMPLE_METHOD)
