# Idiom seen in: amine-bambrik-p8/face-expression-recognition agents/optimizers/rmsprop.py
# What it reproduces: a one-function optimizer module `optimizer(model, config)` picked by name from the experiment
#   config; RMSprop's weight_decay is coupled L2 divided by the running RMS, and it is applied to every parameter of the
#   conv/BatchNorm network (the real repo's module, with a config that sets weight_decay > 0).
import torch.optim as optim


def optimizer(model, config):
    return optim.RMSprop(
        model.parameters(),  # expect: WD203
        lr=config.learning_rate,
        weight_decay=config.weight_decay,  # expect: WD202
    )
