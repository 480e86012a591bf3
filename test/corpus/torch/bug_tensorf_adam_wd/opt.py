# Idiom seen in: apchenstu/TensoRF opt.py
# What it reproduces: TensoRF's configargparse options, with a --weight_decay option a user added
#   (default 1e-6) that train.py hands to Adam.
import configargparse


def config_parser(cmd=None):
    parser = configargparse.ArgumentParser()
    parser.add_argument('--config', is_config_file=True, help='config file path')
    parser.add_argument('--expname', type=str, help='experiment name')
    parser.add_argument('--datadir', type=str, default='./data/llff/fern')
    parser.add_argument('--dataset_name', type=str, default='blender')
    parser.add_argument('--batch_size', type=int, default=4096)
    parser.add_argument('--n_iters', type=int, default=30000)
    parser.add_argument('--lr_init', type=float, default=0.02, help='learning rate')
    parser.add_argument('--lr_basis', type=float, default=1e-3, help='learning rate')
    parser.add_argument('--lr_decay_target_ratio', type=float, default=0.1)
    parser.add_argument('--weight_decay', type=float, default=1e-6)
    parser.add_argument('--N_voxel_init', type=int, default=100 ** 3)
    parser.add_argument('--data_dim_color', type=int, default=27)
    if cmd is not None:
        return parser.parse_args(cmd)
    return parser.parse_args()
