# Idiom seen in: nerfstudio-project/nerfstudio nerfstudio/configs/method_configs.py
# What it reproduces: the per-parameter-group optimizer table of a nerfacto-style method: Adam with eps=1e-15 for the
#   proposal networks and the fields, RAdam for camera refinement, none of them with weight_decay.
from optimizers import AdamOptimizerConfig, RAdamOptimizerConfig

optimizers = {
    "proposal_networks": {
        "optimizer": AdamOptimizerConfig(lr=1e-2, eps=1e-15),
        "scheduler": None,
    },
    "fields": {
        "optimizer": AdamOptimizerConfig(lr=1e-2, eps=1e-15, max_norm=1.0),
        "scheduler": None,
    },
    "camera_opt": {
        "optimizer": RAdamOptimizerConfig(lr=6e-4, eps=1e-8),
        "scheduler": None,
    },
}
