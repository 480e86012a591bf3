# Idiom seen in: chenhsuanlin/bundle-adjusting-NeRF train.py
# What it reproduces: BARF's entry point: options, model, setup_optimizer, then a loop of photometric MSE
#   steps on random rays, rendered by a module this program does not hold.
import sys

import torch

import options
from data import load_blender
from nerf import Model
from render import render_rays


def main():
    opt = options.set(opt_cmd=dict(arg.split('=') for arg in sys.argv[1:] if '=' in arg) or None)
    model = Model(opt)
    model.setup_optimizer(opt)
    rays, colors = load_blender(opt)
    for it in range(opt.max_iter):
        idx = torch.randint(0, rays.shape[0], (opt.nerf.rand_rays,))
        rgb, rgb_fine = render_rays(opt, model.graph, rays[idx])
        loss = torch.mean((rgb - colors[idx]) ** 2) + torch.mean((rgb_fine - colors[idx]) ** 2)
        model.optim.zero_grad()
        loss.backward()
        model.optim.step()
        if opt.optim.sched:
            model.sched.step()
        if it % 1000 == 0:
            print('it', it, 'psnr', (-10 * torch.log10(loss.detach() / 2)).item())


if __name__ == '__main__':
    main()
