# Idiom seen in: yang-song/score_sde_pytorch configs/default_cifar10_configs.py
# What it reproduces: the ml_collections config of score SDE training: optim.weight_decay = 0 with Adam.
# Clean: the Adam built from it has no decay at all, so nothing is coupled and nothing decays biases.
import ml_collections
import torch


def get_default_configs():
    config = ml_collections.ConfigDict()
    config.training = training = ml_collections.ConfigDict()
    training.batch_size = 128
    training.n_iters = 1300001
    training.snapshot_freq = 50000
    training.continuous = True
    training.reduce_mean = False

    config.model = model = ml_collections.ConfigDict()
    model.sigma_min = 0.01
    model.sigma_max = 50
    model.num_scales = 1000
    model.ema_rate = 0.9999
    model.nf = 128

    config.optim = optim = ml_collections.ConfigDict()
    optim.weight_decay = 0
    optim.optimizer = 'Adam'
    optim.lr = 2e-4
    optim.beta1 = 0.9
    optim.eps = 1e-8
    optim.warmup = 5000
    optim.grad_clip = 1.

    config.seed = 42
    config.device = torch.device('cuda:0') if torch.cuda.is_available() else torch.device('cpu')
    return config
