# Idiom seen in: chenhsuanlin/bundle-adjusting-NeRF model/nerf.py
# What it reproduces: BARF's setup_optimizer: the class is getattr(torch.optim, opt.optim.algo) ("Adam"),
#   the coarse MLP is one dict group and the fine MLP is added with add_param_group; a user put
#   weight_decay in both groups: coupled L2 under Adam, on all of each MLP (biases included).
import torch
import torch.nn.functional as torch_F


class NeRF(torch.nn.Module):
    def __init__(self, opt):
        super().__init__()
        input_3D_dim = 3 + 6 * opt.arch.posenc.L_3D
        input_view_dim = 3 + 6 * opt.arch.posenc.L_view
        layers = opt.arch.layers_feat
        self.mlp_feat = torch.nn.ModuleList()
        k_in = input_3D_dim
        for li, k_out in enumerate(layers[1:]):
            if li in opt.arch.skip:
                k_in += input_3D_dim
            self.mlp_feat.append(torch.nn.Linear(k_in, k_out))
            k_in = k_out
        self.density = torch.nn.Linear(k_in, 1)
        self.mlp_rgb = torch.nn.Sequential(torch.nn.Linear(k_in + input_view_dim, 128), torch.nn.ReLU(),
                                           torch.nn.Linear(128, 3))
        self.skip = opt.arch.skip

    def forward(self, points_enc, ray_enc):
        feat = points_enc
        for li, layer in enumerate(self.mlp_feat):
            if li in self.skip:
                feat = torch.cat([feat, points_enc], dim=-1)
            feat = torch_F.relu(layer(feat))
        density = torch_F.softplus(self.density(feat))
        rgb = torch.sigmoid(self.mlp_rgb(torch.cat([feat, ray_enc], dim=-1)))
        return rgb, density


class Graph(torch.nn.Module):
    def __init__(self, opt):
        super().__init__()
        self.nerf = NeRF(opt)
        if opt.nerf.fine_sampling:
            self.nerf_fine = NeRF(opt)


class Model():
    def __init__(self, opt):
        self.graph = Graph(opt).to(opt.device)

    def setup_optimizer(self, opt):
        optimizer = getattr(torch.optim, opt.optim.algo)
        self.optim = optimizer([dict(params=self.graph.nerf.parameters(), lr=opt.optim.lr, weight_decay=opt.optim.weight_decay)])  # expect: WD202, WD203
        if opt.nerf.fine_sampling:
            self.optim.add_param_group(dict(params=self.graph.nerf_fine.parameters(), lr=opt.optim.lr, weight_decay=opt.optim.weight_decay))  # expect: WD202, WD203
        if opt.optim.sched:
            scheduler = getattr(torch.optim.lr_scheduler, opt.optim.sched.type)
            if opt.optim.lr_end:
                opt.optim.sched.gamma = (opt.optim.lr_end / opt.optim.lr) ** (1. / opt.max_iter)
            kwargs = {k: v for k, v in opt.optim.sched.items() if k != 'type'}
            self.sched = scheduler(self.optim, **kwargs)
