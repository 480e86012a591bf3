# Idiom seen in: chanb/jaxl jaxl/optimizers/__init__.py
# What it reproduces: get_optimizer chains grad clipping with adamw whenever the config has a
#   weight_decay attribute, with no mask (biases and norm scales decayed too).
from types import SimpleNamespace

import optax


def get_optimizer(opt_config: SimpleNamespace, params):
    opt_transforms = []
    if opt_config.max_grad_norm:
        opt_transforms.append(optax.clip_by_global_norm(opt_config.max_grad_norm))
    if opt_config.optimizer == "adam":
        if hasattr(opt_config, "weight_decay"):
            opt_transforms.append(
                optax.inject_hyperparams(optax.adamw)(
                    opt_config.lr,
                    weight_decay=opt_config.weight_decay,  # expect: WD203
                )
            )
        else:
            opt_transforms.append(optax.inject_hyperparams(optax.adam)(opt_config.lr))
    elif opt_config.optimizer == "sgd":
        opt_transforms.append(optax.inject_hyperparams(optax.sgd)(opt_config.lr))
    else:
        raise NotImplementedError(opt_config.optimizer)
    opt = optax.chain(*opt_transforms)
    return opt, opt.init(params)
