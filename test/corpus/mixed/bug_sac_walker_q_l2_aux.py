# Idiom seen in: dogeplusplus/sac-walker sac/algorithm.py
# What it reproduces: pure-JAX SAC (jax.experimental.optimizers.adam, params as lists of (W, b)).
#   A user adds an L2 term on the twin-critic weights but returns it only as the aux output of
#   grad(..., has_aux=True), so the critic is never decayed (realistic user mistake; repo had no L2).
import gym
import jax.numpy as jnp
from copy import deepcopy
from dataclasses import dataclass
from functools import partial

from jax import grad, jit, random
from jax.experimental.optimizers import adam
from jax.tree_util import tree_leaves

from models.mlp import ActorCritic, relu  # not part of this program
from sac.buffer import ReplayBuffer       # not part of this program


@dataclass(frozen=True)
class TrainingParameters:
    epochs: int
    steps_per_epoch: int
    batch_size: int
    update_every: int
    num_updates: int
    learning_rate: float
    alpha: float
    gamma: float
    polyak: float
    critic_l2: float = 1e-3
    buffer_size: int = int(1e6)


class SAC(object):
    def __init__(self, env, ac, params: TrainingParameters):
        self.env = env
        self.ac = ac
        self.ac_targ = deepcopy(ac)
        self.params = params
        self.buffer = ReplayBuffer(params.buffer_size, env.observation_space.shape[0],
                                   env.action_space.shape[0])
        self.pi_opt_init, self.pi_opt_update, self.pi_get_params = adam(params.learning_rate)
        self.pi_opt_state = self.pi_opt_init(self.ac.pi.params)
        self.q_opt_init, self.q_opt_update, self.q_get_params = adam(params.learning_rate)
        self.q_params = {"q1": self.ac.q1.params, "q2": self.ac.q2.params}
        self.q_opt_state = self.q_opt_init(self.q_params)

    @partial(jit, static_argnums=(0,))
    def q_loss(self, q_weights, s, a, r, s2, d):
        sa = jnp.concatenate([s, a], axis=-1)
        q1 = self.ac.q1.predict(q_weights["q1"], sa)
        q2 = self.ac.q2.predict(q_weights["q2"], sa)
        a2, logp = self.ac.pi(s2)
        sa2 = jnp.concatenate([s2, a2], axis=-1)
        q_targ = jnp.minimum(self.ac_targ.q1(sa2), self.ac_targ.q2(sa2))
        backup = r + self.params.gamma * (1 - d) * (q_targ - self.params.alpha * logp)
        loss_q = jnp.mean((q1 - backup) ** 2) + jnp.mean((q2 - backup) ** 2)
        q_l2 = self.params.critic_l2 * sum(jnp.sum(w ** 2) for w in tree_leaves(q_weights))  # expect: WD104
        return loss_q, {"loss_q": loss_q, "q_l2": q_l2}

    @partial(jit, static_argnums=(0,))
    def pi_loss(self, pi_weights, s):
        pi, logp = self.ac.pi.predict(pi_weights, s)
        sa = jnp.concatenate([s, pi], axis=-1)
        q_pi = jnp.minimum(self.ac.q1(sa), self.ac.q2(sa))
        return jnp.mean(self.params.alpha * logp - q_pi)

    def update_q(self, step, samples):
        grad_q, info = grad(self.q_loss, has_aux=True)(
            self.q_get_params(self.q_opt_state), samples.states, samples.actions,
            samples.rewards, samples.next_states, samples.done)
        self.q_opt_state = self.q_opt_update(step, grad_q, self.q_opt_state)
        self.q_params = self.q_get_params(self.q_opt_state)
        self.ac.q1.params = self.q_params["q1"]
        self.ac.q2.params = self.q_params["q2"]
        return info

    def update_pi(self, step, samples):
        g = grad(self.pi_loss)(self.pi_get_params(self.pi_opt_state), samples.states)
        self.pi_opt_state = self.pi_opt_update(step, g, self.pi_opt_state)
        self.ac.pi.params = self.pi_get_params(self.pi_opt_state)

    def train(self):
        state = self.env.reset()
        step = 0
        for i in range(self.params.epochs * self.params.steps_per_epoch):
            action = self.ac.act(state)
            next_state, reward, done, _ = self.env.step(action)
            self.buffer.store(state, action, reward, next_state, done)
            state = self.env.reset() if done else next_state
            if i % self.params.update_every == 0:
                for _ in range(self.params.num_updates):
                    samples = self.buffer.sample(self.params.batch_size)
                    info = self.update_q(step, samples)
                    self.update_pi(step, samples)
                    step += 1
                    print(f"Q-Loss: {info['loss_q']}  Q-L2: {info['q_l2']}")


def main():
    env = gym.make("BipedalWalker-v3")
    params = TrainingParameters(epochs=10, steps_per_epoch=4000, batch_size=100, update_every=1000,
                                num_updates=50, learning_rate=1e-3, alpha=0.2, gamma=0.99, polyak=0.995)
    ac = ActorCritic(env.observation_space.shape[0], env.action_space.shape[0], [256, 256], relu, 1.0,
                     random.PRNGKey(1337))
    SAC(env, ac, params).train()


if __name__ == "__main__":
    main()
