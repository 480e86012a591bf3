# Idiom seen in: amavrits/jax-agents agents/dqn.py
# What it reproduces: gymnax/flax DQN whose AgentConfig takes a `set_optimizer` callable building an
#   optax chain. The user appends optax.add_decayed_weights AFTER optax.adam: the lr step already
#   negated the update, so +wd*w grows the weights (negative decay). Realistic user mistake.
from typing import NamedTuple

import flax.linen
import jax
import jax.numpy as jnp
import optax
from flax.training.train_state import TrainState

from agents.dqn import AgentConfig, DDQNAgent, Transition  # not part of this program
import gymnax


class OptimizerParams(NamedTuple):
    lr: float = 1e-3
    eps: float = 1e-3
    grad_clip: float = 1.0
    weight_decay: float = 1e-4


def decay_mask(params):
    return jax.tree_util.tree_map(lambda x: x.ndim > 1, params)


def set_optimizer(optimizer_params: OptimizerParams) -> optax.GradientTransformation:
    return optax.chain(
        optax.clip_by_global_norm(optimizer_params.grad_clip),
        optax.adam(learning_rate=optimizer_params.lr, eps=optimizer_params.eps),
        optax.add_decayed_weights(optimizer_params.weight_decay, mask=decay_mask),  # expect: WD302
    )


class QNetwork(flax.linen.Module):
    n_actions: int

    @flax.linen.compact
    def __call__(self, x):
        x = flax.linen.relu(flax.linen.Dense(128)(x))
        x = flax.linen.relu(flax.linen.Dense(128)(x))
        return flax.linen.Dense(self.n_actions)(x)


def td_loss(params, apply_fn, target_params, batch: Transition, gamma):
    q = apply_fn(params, batch.state)
    q_a = jnp.take_along_axis(q, batch.action[:, None], axis=-1).squeeze(-1)
    q_next = apply_fn(target_params, batch.next_state).max(-1)
    target = batch.reward + gamma * (1.0 - batch.terminated) * q_next
    return optax.huber_loss(q_a, jax.lax.stop_gradient(target)).mean()


def train_step(state: TrainState, target_params, batch, gamma=0.99):
    loss, grads = jax.value_and_grad(td_loss)(state.params, state.apply_fn, target_params, batch, gamma)
    return state.apply_gradients(grads=grads), loss


if __name__ == "__main__":
    env, env_params = gymnax.make("CartPole-v1")
    net = QNetwork(env.action_space(env_params).n)
    params = net.init(jax.random.PRNGKey(0), jnp.zeros((1, 4)))
    tx = set_optimizer(OptimizerParams())
    state = TrainState.create(apply_fn=net.apply, params=params, tx=tx)
    config = AgentConfig(n_steps=500_000, buffer_size=50_000, batch_size=128, q_network=net,
                         transition_template=None, loss_fn=optax.huber_loss, set_optimizer=set_optimizer)
    agent = DDQNAgent(env, env_params, config)
    agent.train(train_step, state)
