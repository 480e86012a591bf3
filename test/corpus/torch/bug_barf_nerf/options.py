# Idiom seen in: chenhsuanlin/bundle-adjusting-NeRF options.py
# What it reproduces: BARF-style nested options (an edict built from defaults and a YAML override); the
#   optimizer block names the torch.optim class ("Adam") and a weight_decay a user added for the NeRF MLPs.
from easydict import EasyDict as edict

DEFAULTS = {
    'model': 'nerf',
    'max_iter': 200000,
    'device': 'cuda:0',
    'nerf': {
        'fine_sampling': True,
        'sample_intvs': 128,
        'sample_intvs_fine': 128,
        'rand_rays': 1024,
        'view_dep': True,
    },
    'arch': {
        'layers_feat': [None, 256, 256, 256, 256, 256, 256, 256, 256],
        'layers_rgb': [None, 128, 3],
        'skip': [4],
        'posenc': {'L_3D': 10, 'L_view': 4},
    },
    'optim': {
        'algo': 'Adam',
        'lr': 5.e-4,
        'lr_end': 1.e-4,
        'weight_decay': 1.e-6,
        'sched': {'type': 'ExponentialLR', 'gamma': None},
    },
}


def set(opt_cmd=None):
    opt = edict(DEFAULTS)
    if opt_cmd:
        for key, value in opt_cmd.items():
            opt[key] = value
    return opt
