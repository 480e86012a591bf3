# Idiom seen in: MagriLab/FlowReconstructionFromExperiment train_config/train_options/optimizer.py
# Idiom seen in: MagriLab/FlowReconstructionFromExperiment flowrec/training_and_states.py
# Idiom seen in: MagriLab/FlowReconstructionFromExperiment train_config/train_options/loss_fn.py
# What it reproduces: haiku + optax training where get_optimizer(traincfg) builds optax.adamw with
# weight_decay=traincfg.regularisation_strength and no mask (real repo: biases decayed too), and the user
# also adds regularisation_strength * sum of squared params to the loss_fn given to jax.value_and_grad:
# the same tree is decayed twice.
import jax
import jax.numpy as jnp
from jax.tree_util import Partial

from flowrec import losses


def loss_fn_physicsnoreplace(cfg, take_observation, datainfo):
    """Train on physics loss + sensor loss (+ L2 on the network weights)."""
    wdiv = cfg.train_config.weight_continuity
    wmom = cfg.train_config.weight_momentum
    ws = cfg.train_config.weight_sensors
    reg = cfg.train_config.regularisation_strength

    def loss_fn(apply_fn, params, rng, x, y, normalise, y_minmax=jnp.array([]), apply_kwargs={}):
        pred = apply_fn(params, rng, x, **apply_kwargs)
        loss_sensor = losses.mse(take_observation(pred), y)
        if normalise:
            pred = losses.unnormalise(pred, y_minmax)
        loss_div = losses.divergence(pred[..., :-1], datainfo)
        loss_mom = losses.momentum_loss(pred, datainfo)
        l2 = sum(jnp.sum(jnp.square(p)) for p in jax.tree_util.tree_leaves(params))  # expect: WD201
        total = wdiv * loss_div + wmom * loss_mom + ws * loss_sensor + reg * l2
        return total, (loss_div, loss_mom, loss_sensor)

    return Partial(loss_fn, normalise=cfg.data_config.normalise)
