# Idiom seen in: DrJupiter/SDE-DATA-GENERATION optimizer/optimizers.py
# What it reproduces: the repo's get_optim/adam factory, grown a guarded decoupled-decay branch
#   (`if weight_decay > 0.0:` -> masked adamw); the only caller passes the config's 0.0, so the branch is dead.
import jax
import optax


def decay_mask(params):
    return jax.tree_util.tree_map(lambda p: p.ndim > 1, params)


def get_optim(cfg, params=None):
    opt_cfg = cfg["optimizer"]
    if opt_cfg["name"] == "adam":
        return adam(opt_cfg["learning_rate"], params, weight_decay=opt_cfg["weight_decay"], clip=opt_cfg["clip"])
    raise ValueError(f"Optimizer {opt_cfg['name']} not found")


def adam(learning_rate, params, weight_decay=0.0, clip=1.0):
    clipper = optax.clip_by_global_norm(clip)
    if weight_decay > 0.0:  # expect: WD303
        base = optax.adamw(learning_rate=learning_rate, weight_decay=weight_decay, mask=decay_mask)
    else:
        base = optax.adam(learning_rate=learning_rate)
    optimizer = optax.chain(clipper, base)
    assert params is not None, "pls give func get_optim the model parameters, for this optimization function"
    opt_state = optimizer.init(params)
    return optimizer, opt_state
