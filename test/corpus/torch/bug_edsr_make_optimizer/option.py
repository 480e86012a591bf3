# Idiom seen in: sanghyun-son/EDSR-PyTorch src/utility.py
# What it reproduces: EDSR's option.py argparse setup; a user turned the --weight_decay default from 0 into
# 1e-4 (a realistic edit, not the repo's value), so make_optimizer now decays with the default ADAM.
import argparse

parser = argparse.ArgumentParser(description='EDSR and MDSR')

parser.add_argument('--n_threads', type=int, default=6, help='number of threads for data loading')
parser.add_argument('--cpu', action='store_true', help='use cpu only')
parser.add_argument('--dir_data', type=str, default='../../../dataset', help='dataset directory')
parser.add_argument('--data_train', type=str, default='DIV2K', help='train dataset name')
parser.add_argument('--scale', type=str, default='4', help='super resolution scale')
parser.add_argument('--patch_size', type=int, default=192, help='output patch size')
parser.add_argument('--rgb_range', type=int, default=255, help='maximum value of RGB')
parser.add_argument('--n_colors', type=int, default=3, help='number of color channels to use')

parser.add_argument('--model', default='EDSR', help='model name')
parser.add_argument('--n_resblocks', type=int, default=16, help='number of residual blocks')
parser.add_argument('--n_feats', type=int, default=64, help='number of feature maps')
parser.add_argument('--res_scale', type=float, default=1, help='residual scaling')

parser.add_argument('--epochs', type=int, default=300, help='number of epochs to train')
parser.add_argument('--batch_size', type=int, default=16, help='input batch size for training')

parser.add_argument('--lr', type=float, default=1e-4, help='learning rate')
parser.add_argument('--decay', type=str, default='200', help='learning rate decay type')
parser.add_argument('--gamma', type=float, default=0.5, help='learning rate decay factor for step decay')
parser.add_argument('--optimizer', default='ADAM', choices=('SGD', 'ADAM', 'RMSprop'),
                    help='optimizer to use (SGD | ADAM | RMSprop)')
parser.add_argument('--momentum', type=float, default=0.9, help='SGD momentum')
parser.add_argument('--betas', type=tuple, default=(0.9, 0.999), help='ADAM beta')
parser.add_argument('--epsilon', type=float, default=1e-8, help='ADAM epsilon for numerical stability')
parser.add_argument('--weight_decay', type=float, default=1e-4, help='weight decay')
parser.add_argument('--gclip', type=float, default=0, help='gradient clipping threshold (0 = no clipping)')

parser.add_argument('--loss', type=str, default='1*L1', help='loss function configuration')
parser.add_argument('--save', type=str, default='test', help='file name to save')

args = parser.parse_args()
args.scale = list(map(lambda x: int(x), args.scale.split('+')))
