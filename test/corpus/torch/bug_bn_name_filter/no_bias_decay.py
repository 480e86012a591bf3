# Idiom seen in: jeff52415/Tips-for-improving-your-neural-network-pytorch src/no_bias_decay.py
# What it reproduces: the "no bias decay" helper that skips BatchNorm by the substring "_bn"; the ResNet it
#   is used with names its norms bn1/bn2/shortcut.1, so every BatchNorm weight lands in the decayed group.
# label-note: WD203 on the decayed group's weight_decay entry (BatchNorm .weight params are in `decay`).


def add_weight_decay(net, l2_value, skip_list=()):
    decay, no_decay = [], []
    for name, param in net.named_parameters():
        if not param.requires_grad:
            continue  # frozen weights
        # skip bias and bn layer
        if name.endswith(".bias") or ("_bn" in name) or (name in skip_list):
            no_decay.append(param)
        else:
            decay.append(param)
    return [
        {"params": no_decay, "weight_decay": 0.0},
        {"params": decay, "weight_decay": l2_value},  # expect: WD203
    ]
