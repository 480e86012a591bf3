# Idiom seen in: Hunterhuan/CS386 kwargs/mnist/vgg/defaults.py
# What it reproduces: a helper that splits parameters for a partial-built optimizer: tensors with
#   ndim <= 1 (biases, BatchNorm weight/bias) go in a group that overrides weight_decay to 0.
# label-note: clean (see defaults.py).


def split_decay_groups(model):
    decay, no_decay = [], []
    for name, p in model.named_parameters():
        if not p.requires_grad:
            continue
        if p.ndim <= 1:
            no_decay.append(p)
        else:
            decay.append(p)
    return [{'params': decay}, {'params': no_decay, 'weight_decay': 0.0}]
