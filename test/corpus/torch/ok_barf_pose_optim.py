# Idiom seen in: chenhsuanlin/bundle-adjusting-NeRF model/barf.py
# What it reproduces: BARF's second optimizer for the camera pose refinement (an nn.Embedding of se(3)
#   vectors), built with getattr(torch.optim, opt.optim.algo_pose) and an ExponentialLR from lr_pose to
#   lr_pose_end, beside the NeRF optimizer; neither carries weight decay: clean.
import torch
from easydict import EasyDict as edict

from camera import lie, pose
from nerf_base import Graph as NeRFGraph

opt = edict(
    device='cuda:0', max_iter=200000,
    optim=edict(algo='Adam', lr=1.e-3, lr_end=1.e-4, algo_pose='Adam', lr_pose=1.e-3, lr_pose_end=1.e-5,
                sched_pose=edict(type='ExponentialLR', gamma=None)),
    data=edict(train_sub=100),
)


class Graph(NeRFGraph):
    def __init__(self, opt):
        super().__init__(opt)
        self.se3_refine = torch.nn.Embedding(opt.data.train_sub, 6).to(opt.device)
        torch.nn.init.zeros_(self.se3_refine.weight)

    def get_pose(self, opt, var):
        pose_refine = lie.se3_to_SE3(self.se3_refine.weight)
        return pose.compose([pose_refine, var.pose])


class Model():
    def __init__(self, opt):
        self.graph = Graph(opt)

    def setup_optimizer(self, opt):
        optimizer = getattr(torch.optim, opt.optim.algo)
        self.optim = optimizer([dict(params=self.graph.nerf.parameters(), lr=opt.optim.lr)])
        optimizer_pose = getattr(torch.optim, opt.optim.algo_pose)
        self.optim_pose = optimizer_pose([dict(params=self.graph.se3_refine.parameters(), lr=opt.optim.lr_pose)])
        scheduler = getattr(torch.optim.lr_scheduler, opt.optim.sched_pose.type)
        opt.optim.sched_pose.gamma = (opt.optim.lr_pose_end / opt.optim.lr_pose) ** (1. / opt.max_iter)
        kwargs = {k: v for k, v in opt.optim.sched_pose.items() if k != 'type'}
        self.sched_pose = scheduler(self.optim_pose, **kwargs)

    def train_iteration(self, opt, var):
        self.optim.zero_grad()
        self.optim_pose.zero_grad()
        var = self.graph.forward(opt, var, mode='train')
        loss = self.graph.compute_loss(opt, var, mode='train')
        loss.render.backward()
        self.optim.step()
        self.optim_pose.step()
        self.sched_pose.step()
        return loss
