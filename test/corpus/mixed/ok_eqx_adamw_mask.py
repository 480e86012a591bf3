# Idiom seen in: skylooop/GOTIL jaxrl_m/eqx_common.py
# What it reproduces: the equinox TrainState(model, optim, optim_state) whose create() inits the optimizer on
#   eqx.filter(model, eqx.is_array) and apply_updates() steps it; the optimizer is optax.adamw with a mask that keeps
#   decay off every leaf of rank <= 1 (biases, LayerNorm). Clean: decoupled decay, weight matrices only, no L2 in loss.
import dataclasses

import equinox as eqx
import jax
import jax.numpy as jnp
import optax

from dataset import make_iterator


class TrainState(eqx.Module):
    model: eqx.Module
    optim: optax.GradientTransformation
    optim_state: optax.OptState

    @classmethod
    def create(cls, model, optim, **kwargs):
        optim_state = optim.init(eqx.filter(model, eqx.is_array))
        return cls(model, optim, optim_state, **kwargs)

    def apply_updates(self, grads):
        updates, new_optim_state = self.optim.update(grads, self.optim_state, eqx.filter(self.model, eqx.is_array))
        new_model = eqx.apply_updates(self.model, updates)
        return dataclasses.replace(self, model=new_model, optim_state=new_optim_state)


class Critic(eqx.Module):
    net: eqx.nn.MLP
    norm: eqx.nn.LayerNorm

    def __init__(self, obs_dim, key):
        self.net = eqx.nn.MLP(obs_dim, 1, width_size=256, depth=2, key=key)
        self.norm = eqx.nn.LayerNorm(obs_dim)

    def __call__(self, obs):
        return self.net(self.norm(obs))[0]


def decay_mask(params):
    return jax.tree_util.tree_map(lambda x: x.ndim > 1, params)


@eqx.filter_jit
def update_critic(state: TrainState, batch):
    def loss_fn(model):
        v = jax.vmap(model)(batch['observations'])
        return jnp.mean(jnp.square(v - batch['returns']))
    loss, grads = eqx.filter_value_and_grad(loss_fn)(state.model)
    return state.apply_updates(grads), loss


def main(obs_dim=17, steps=100000, seed=0):
    key = jax.random.PRNGKey(seed)
    critic = Critic(obs_dim, key)
    optim = optax.adamw(3e-4, weight_decay=1e-4, mask=decay_mask)
    state = TrainState.create(model=critic, optim=optim)
    data = make_iterator('hopper-medium-v2', batch_size=256)
    for step in range(steps):
        state, loss = update_critic(state, next(data))
        if step % 1000 == 0:
            print(step, float(loss))


if __name__ == '__main__':
    main()
