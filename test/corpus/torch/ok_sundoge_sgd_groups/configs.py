# Idiom seen in: SunDoge/pytorch-image-classification configs/optimizers.libsonnet
# What it reproduces: a config function SGD(lr, weight_decay=1e-4) returning a dict with a "$params" placeholder,
# filled by the trainer with split param groups (no decay for BN and biases) before torch.optim.SGD(**cfg). Clean.


def SGD(lr, weight_decay=1e-4):
    return {
        "_name": "torch.optim.SGD",
        "params": "$params",
        "lr": lr,
        "momentum": 0.9,
        "weight_decay": weight_decay,
        "nesterov": True,
    }


experiment = {
    "arch": "resnet50",
    "epochs": 90,
    "batch_size": 256,
    "optimizer": SGD(lr=0.1, weight_decay=1e-4),
}
