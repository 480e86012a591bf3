# Idiom seen in: Dominik5431/QecVAE_for_Phase_Recognition src/nn/utils/optimizer.py
# Idiom seen in: Dominik5431/QecVAE_for_Phase_Recognition src/nn/train.py
# What it reproduces: the repo's optimizer factory returns a lambda that builds torch.optim.Adam with
#   weight_decay=1e-5 (coupled L2 under Adam, a real choice of the repo); train.py hands it model.parameters(),
#   so the decay also hits the VAE's biases and BatchNorm parameters.
import torch


def make_optimizer(lr):
    return lambda params: torch.optim.Adam(params, lr=lr, weight_decay=1e-5)  # expect: WD202
