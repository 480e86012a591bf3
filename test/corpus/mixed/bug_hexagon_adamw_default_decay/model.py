# Idiom seen in: JirkaKlimes/AI-HEXAGON ai_hexagon/model.py
# Idiom seen in: JirkaKlimes/AI-HEXAGON results/transformer/model.py
# What it reproduces: the benchmark's Model base class creates every architecture's TrainState with
#   optax.adamw(3e-4): no weight_decay= given, so optax's default 1e-4 applies, and with no mask it
#   decays every leaf, LayerNorm scales and Dense/Embed biases included (WD203 at the call). Real repo.
from typing import ClassVar

import flax.linen as nn
import jax
import optax
from flax.training.train_state import TrainState
from flax.typing import Array, FrozenVariableDict


class Model(nn.Module):
    vocab_size: int = 256
    __authors__: ClassVar[list] = []
    __paper__: ClassVar[str] = ""

    def init_train_state(self, x: Array, y: Array, key: Array) -> TrainState:
        variables = self.init(key, x)
        state = TrainState.create(
            apply_fn=self.apply,
            params=variables["params"],
            tx=optax.adamw(3e-4),  # expect: WD203
        )
        return state

    def train_step(self, x: Array, y: Array, state: TrainState):
        def loss_fn(params: FrozenVariableDict):
            y_pred = state.apply_fn({"params": params}, x)
            loss = optax.softmax_cross_entropy_with_integer_labels(y_pred, y)
            return loss.mean()

        grads = jax.grad(loss_fn)(state.params)
        state = state.apply_gradients(grads=grads)
        return state
