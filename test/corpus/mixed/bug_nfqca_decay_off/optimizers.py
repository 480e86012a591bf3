# Idiom seen in: Pkay449/Self-Schedule_Bidding src/Sequential_NFQCA/utils/optimizers.py
# What it reproduces: NFQCA (neural fitted Q with continuous actions) in JAX/flax, get_optimizer()
#   returning optax.adam. A decay step is guarded by `if hp.weight_decay:` but the hyperparameter
#   module sets weight_decay = 0.0 and nothing overrides it, so the decay code is dead.
import jax
import optax

import hparams as hp


def soft_update(target_params, online_params, tau=hp.tau):
    return jax.tree_util.tree_map(lambda tp, op: tp * (1 - tau) + op * tau, target_params, online_params)


def get_optimizer(learning_rate: float):
    tx = optax.adam(learning_rate)
    if hp.weight_decay:  # expect: WD303
        tx = optax.chain(optax.add_decayed_weights(hp.weight_decay), tx)
    return tx
