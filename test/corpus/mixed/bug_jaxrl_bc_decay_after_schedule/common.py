# Idiom seen in: ikostrikov/jaxrl jaxrl/networks/common.py
# What it reproduces: jaxrl's Model wrapper (params + optax tx + apply_gradient) used by the
#   learner; optax.apply_updates adds whatever the chain outputs to the params.
from typing import Any, Callable, Dict, Optional, Sequence, Tuple

import flax
import flax.linen as nn
import jax
import jax.numpy as jnp
import optax

PRNGKey = Any
Params = flax.core.FrozenDict[str, Any]
InfoDict = Dict[str, float]


class MLP(nn.Module):
    hidden_dims: Sequence[int]
    dropout_rate: Optional[float] = None

    @nn.compact
    def __call__(self, x: jnp.ndarray, training: bool = False) -> jnp.ndarray:
        for size in self.hidden_dims:
            x = nn.relu(nn.Dense(size)(x))
            if self.dropout_rate is not None:
                x = nn.Dropout(rate=self.dropout_rate)(x, deterministic=not training)
        return x


@flax.struct.dataclass
class Model:
    step: int
    apply_fn: Callable = flax.struct.field(pytree_node=False)
    params: Params
    tx: Optional[optax.GradientTransformation] = flax.struct.field(pytree_node=False)
    opt_state: Optional[optax.OptState] = None

    @classmethod
    def create(cls, model_def: nn.Module, inputs: Sequence[jnp.ndarray],
               tx: Optional[optax.GradientTransformation] = None) -> 'Model':
        variables = model_def.init(*inputs)
        params = variables.pop('params') if hasattr(variables, 'pop') else variables['params']
        opt_state = tx.init(params) if tx is not None else None
        return cls(step=1, apply_fn=model_def.apply, params=params, tx=tx, opt_state=opt_state)

    def apply_gradient(self, loss_fn) -> Tuple['Model', Any]:
        grad_fn = jax.grad(loss_fn, has_aux=True)
        grads, info = grad_fn(self.params)
        updates, new_opt_state = self.tx.update(grads, self.opt_state, self.params)
        new_params = optax.apply_updates(self.params, updates)
        return self.replace(step=self.step + 1, params=new_params, opt_state=new_opt_state), info
