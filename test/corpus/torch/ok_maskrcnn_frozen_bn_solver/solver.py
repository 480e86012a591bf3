# Idiom seen in: facebookresearch/maskrcnn-benchmark maskrcnn_benchmark/solver/build.py
# What it reproduces: make_optimizer(cfg, model): one group per trainable tensor, `"bias" in key` switches
# to BIAS_LR_FACTOR and WEIGHT_DECAY_BIAS; SGD with momentum.
# label-note: clean. Biases get WEIGHT_DECAY_BIAS = 0; the model's normalization layers are
# FrozenBatchNorm2d whose weight/bias are buffers, so named_parameters() never yields them; only conv and
# fc kernels are decayed (lr*wd = 0.02 * 1e-4).
import torch


def make_optimizer(cfg, model):
    params = []
    for key, value in model.named_parameters():
        if not value.requires_grad:
            continue
        lr = cfg.SOLVER.BASE_LR
        weight_decay = cfg.SOLVER.WEIGHT_DECAY
        if "bias" in key:
            lr = cfg.SOLVER.BASE_LR * cfg.SOLVER.BIAS_LR_FACTOR
            weight_decay = cfg.SOLVER.WEIGHT_DECAY_BIAS
        params += [{"params": [value], "lr": lr, "weight_decay": weight_decay}]

    optimizer = torch.optim.SGD(params, lr, momentum=cfg.SOLVER.MOMENTUM)
    return optimizer
