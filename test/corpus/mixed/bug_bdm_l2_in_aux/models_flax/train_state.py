# Idiom seen in: weirayao/BDM models_flax/train_state.py
# Idiom seen in: weirayao/BDM train_flax.py
# What it reproduces: the repository's TrainState subclass with EMA params and mutable state;
#   the step in train_flax.py returns its L2 term only among the has_aux metrics.
from typing import Any, Callable, Optional

import flax.struct
import optax
from flax.training import train_state as ts


@flax.struct.dataclass
class TrainState(ts.TrainState):
    ema_params: Any
    ema_decay: float = flax.struct.field(pytree_node=False)
    mutable_state: Optional[Any] = None

    @classmethod
    def create(cls, *, apply_fn: Callable[..., Any], params: Any,
               tx: optax.GradientTransformation, ema_decay: float) -> "TrainState":
        return cls(step=0, apply_fn=apply_fn, params=params, ema_params=params, tx=tx,
                   opt_state=tx.init(params), mutable_state=None, ema_decay=ema_decay)

    def apply_gradients(self, *, grads: Any, mutable_state: Any = None):
        new_state = super().apply_gradients(grads=grads)
        new_ema = optax.incremental_update(new_state.params, self.ema_params,
                                           step_size=1.0 - self.ema_decay)
        return new_state.replace(ema_params=new_ema, mutable_state=mutable_state)
