# Idiom seen in: ajboyd2/vae_mpp vae_mpp/optim.py
# Idiom seen in: ajboyd2/vae_mpp vae_mpp/arguments.py
# What it reproduces: the optimizer is looked up by name ("adam" by default) and given the model's param groups with
#   weight_decay=args["weight_decay"] (0.01 by default): the decayed group gets Adam's coupled L2, not decoupled decay
#   (the repo's own defaults).
import math
import torch

OPTIMIZERS = {
    "sgd": torch.optim.SGD,
    "adadelta": torch.optim.Adadelta,
    "adam": torch.optim.Adam,
    "adagrad": torch.optim.Adagrad,
    "rmsprop": torch.optim.RMSprop,
}


def get_optimizer(model, args):

    param_groups = model.get_param_groups()

    optimizer = OPTIMIZERS[args["optimizer"]](
        param_groups,
        lr=args["lr"],
        weight_decay=args["weight_decay"],  # expect: WD202
    )

    return optimizer


def get_lr_scheduler(optimizer, args):
    total = args["train_iters"]
    warmup = math.floor(args["warmup_pct"] * total)

    def lr_lambda(step):
        if warmup > 0 and step <= warmup:
            return step / warmup
        return 0.5 * (1 + math.cos(math.pi * (step - warmup) / max(1, total - warmup)))

    return torch.optim.lr_scheduler.LambdaLR(optimizer, lr_lambda)
