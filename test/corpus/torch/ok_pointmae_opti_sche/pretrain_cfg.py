# Idiom seen in: aketusho/points_transformer cfgs/pretrain.py
# What it reproduces: the Point-MAE pretraining config (an EasyDict here instead of the YAML file): AdamW with
#   lr 1e-3 and weight_decay 0.05, cosine schedule with warm-up epochs.
from easydict import EasyDict

config = EasyDict({
    'optimizer': {'type': 'AdamW', 'kwargs': {'lr': 0.001, 'weight_decay': 0.05}},
    'scheduler': {'type': 'CosLR', 'kwargs': {'epochs': 300, 'initial_epochs': 10}},
    'model': {'NAME': 'Point_MAE', 'group_size': 32, 'num_group': 64, 'mask_ratio': 0.6,
              'trans_dim': 384, 'depth': 12, 'num_heads': 6, 'drop_path_rate': 0.1},
    'npoints': 1024,
    'total_bs': 128,
    'max_epoch': 300,
})
