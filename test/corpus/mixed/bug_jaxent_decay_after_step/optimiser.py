# Idiom seen in: alexisiddiqui/JAX-ENT jaxent/src/opt/optimiser.py
# What it reproduces: an optimiser class that picks the optax base optimizer by name and builds a chain
#   (clip, inject_hyperparams(base)(lr)); the user appended add_decayed_weights AFTER the learning-rate
#   step, so +wd*w lands on the final update and the weights grow (bug written by us in the repo's idiom).
from typing import Optional

import jax
import optax


def _kernel_mask(params):
    return jax.tree_util.tree_map(lambda p: p.ndim > 1, params)


class OptaxOptimiser:
    def __init__(
        self,
        learning_rate: float = 1e-4,
        optimizer: str = "adam",
        clip_value: Optional[float] = 1.0,
        weight_decay: float = 1e-3,
    ):
        self.learning_rate = learning_rate
        self.weight_decay = weight_decay
        self.clip_value = clip_value

        if optimizer.lower() == "adam":
            base_optimizer_fn = optax.adam
        elif optimizer.lower() == "sgd":
            base_optimizer_fn = optax.sgd
        elif optimizer.lower() == "rmsprop":
            base_optimizer_fn = optax.rmsprop
        else:
            raise ValueError(f"Unsupported optimizer: {optimizer}")

        chain = []
        if clip_value is not None:
            chain.append(optax.clip(clip_value))
        chain.append(optax.inject_hyperparams(base_optimizer_fn)(learning_rate=learning_rate))
        chain.append(optax.add_decayed_weights(weight_decay, mask=_kernel_mask))  # expect: WD302
        self.tx = optax.chain(*chain)
        self.opt_state = None

    def initialise(self, params):
        self.opt_state = self.tx.init(params)
        return self.opt_state

    def step(self, loss_fn, params, *batch):
        loss, grads = jax.value_and_grad(loss_fn)(params, *batch)
        updates, self.opt_state = self.tx.update(grads, self.opt_state, params)
        params = optax.apply_updates(params, updates)
        return params, loss
