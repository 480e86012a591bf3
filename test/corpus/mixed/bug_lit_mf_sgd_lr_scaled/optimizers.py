# Idiom seen in: karlhigley/torch-factorization-models torch_factorization_models/implicit_mf.py
# Idiom seen in: karlhigley/torch-factorization-models torch_factorization_models/optimizers.py
# What it reproduces: LightningModule MF whose optimizer factory scales the per-example lr by the batch size (the repo idea);
# a user picks plain SGD with wd 0.1: lr = 0.01*1024 = 10.24, lr*wd = 1.02 >= 1, so decay alone flips the embeddings each step (WD301, user mistake).
import enum

import torch as th


@enum.unique
class Optimizer(enum.Enum):
    SGD = "sgd"
    SPARSE_ADAM = "sparse_adam"


def convert_lr(eff_lr, batch_size=1):
    # the loss is a mean over the batch, so each embedding row only sees
    # 1/batch_size of its gradient: scale the step back up
    return eff_lr * batch_size


def build_optimizer(params, hparams):
    wd = hparams.x_weight_decay
    eff_lr = hparams.y_learning_rate
    bs = hparams.batch_size
    opt = Optimizer(hparams.z_optimizer)

    adj_lr = convert_lr(eff_lr, batch_size=bs)
    hparams.adjusted_lr = adj_lr

    if opt == Optimizer.SGD:
        return th.optim.SGD(params, lr=adj_lr, weight_decay=wd)
    elif opt == Optimizer.SPARSE_ADAM:
        return th.optim.SparseAdam(params, lr=adj_lr)
    raise ValueError(f"Unknown optimizer: {hparams.z_optimizer}")
