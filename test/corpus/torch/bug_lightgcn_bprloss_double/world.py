# Idiom seen in: dliu18/LightGCN code/world.py
# What it reproduces: the global config dict filled from the parsed arguments and imported everywhere.
import torch

from parse import parse_args

args = parse_args()

config = {}
config['bpr_batch_size'] = args.bpr_batch
config['latent_dim_rec'] = args.recdim
config['lightGCN_n_layers'] = args.layer
config['lr'] = args.lr
config['decay'] = args.decay

GPU = torch.cuda.is_available()
device = torch.device('cuda' if GPU else "cpu")
seed = args.seed
dataset = args.dataset
TRAIN_epochs = args.epochs
