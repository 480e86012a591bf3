# Idiom seen in: google-deepmind/acme acme/agents/jax/wpo/learning.py
# What it reproduces: an acme-style JAX learner whose optimizer a user extends with decay as
# optax.chain(clip_by_global_norm, add_decayed_weights(wd), adam(lr)): the decay joins the gradient before
# Adam's scaling (coupled L2, WD202) and has no mask, so biases and LayerNorm scales decay too (WD203).
from typing import NamedTuple

import haiku as hk
import jax
import jax.numpy as jnp
import optax
import rlax

from acme_networks import make_networks


class TrainingState(NamedTuple):
    params: hk.Params
    target_params: hk.Params
    opt_state: optax.OptState
    steps: int


class DQNLearner:
    def __init__(self, networks, random_key, iterator, learning_rate=1e-4, weight_decay=1e-4,
                 max_grad_norm=40.0, discount=0.99, target_update_period=100):
        self._networks = networks
        self._iterator = iterator
        self._discount = discount
        self._target_update_period = target_update_period
        self._optimizer = optax.chain(
            optax.clip_by_global_norm(max_grad_norm),
            optax.add_decayed_weights(weight_decay),  # expect: WD202, WD203
            optax.adam(learning_rate),
        )
        params = networks.init(random_key)
        self._state = TrainingState(params=params, target_params=params,
                                    opt_state=self._optimizer.init(params), steps=0)

        def loss_fn(params, target_params, batch):
            q_tm1 = networks.apply(params, batch.observation)
            q_t = networks.apply(target_params, batch.next_observation)
            td = jax.vmap(rlax.q_learning)(q_tm1, batch.action, batch.reward, self._discount * batch.discount, q_t)
            return jnp.mean(rlax.l2_loss(td))

        def sgd_step(state, batch):
            loss, grads = jax.value_and_grad(loss_fn)(state.params, state.target_params, batch)
            updates, new_opt_state = self._optimizer.update(grads, state.opt_state, state.params)
            new_params = optax.apply_updates(state.params, updates)
            target_params = optax.periodic_update(new_params, state.target_params, state.steps + 1,
                                                  self._target_update_period)
            return TrainingState(new_params, target_params, new_opt_state, state.steps + 1), loss

        self._sgd_step = jax.jit(sgd_step)

    def step(self):
        batch = next(self._iterator)
        self._state, loss = self._sgd_step(self._state, batch)
        return loss


if __name__ == "__main__":
    from replay import make_iterator
    learner = DQNLearner(make_networks(num_actions=6), jax.random.PRNGKey(0), make_iterator())
    for _ in range(100000):
        learner.step()
