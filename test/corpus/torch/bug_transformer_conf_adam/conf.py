# Idiom seen in: hyunwoongko/transformer train.py
# Idiom seen in: hyunwoongko/transformer conf.py
# What it reproduces: weight_decay = 5e-4 in conf.py reaches train.py through `from data import *` (which does
#   `from conf import *`); Adam(model.parameters(), weight_decay=weight_decay) is coupled L2 on every weight,
#   LayerNorm gamma/beta and biases included (real repo).
import torch

# GPU device setting
device = torch.device("cuda:0" if torch.cuda.is_available() else "cpu")

# model parameter setting
batch_size = 128
max_len = 256
d_model = 512
n_layers = 6
n_heads = 8
ffn_hidden = 2048
drop_prob = 0.1

# optimizer parameter setting
init_lr = 1e-5
factor = 0.9
adam_eps = 5e-9
patience = 10
warmup = 100
epoch = 1000
clip = 1.0
weight_decay = 5e-4
inf = float('inf')
