# Idiom seen in: Pkay449/Self-Schedule_Bidding src/Sequential_NFQCA/utils/optimizers.py
# What it reproduces: NFQCA (neural fitted Q with continuous actions) in JAX/flax, get_optimizer()
#   returning optax.adam. A decay step is guarded by `if hp.weight_decay:` but the hyperparameter
#   module sets weight_decay = 0.0 and nothing overrides it, so the decay code is dead.
import flax.linen as nn
import jax
import jax.numpy as jnp
import numpy as np
from flax.training.train_state import TrainState

import hparams as hp
from optimizers import get_optimizer, soft_update
from src.Sequential_NFQCA.data import load_offline_dataset  # not part of this program


class QNetwork(nn.Module):
    @nn.compact
    def __call__(self, s, a):
        x = jnp.concatenate([s, a], -1)
        x = nn.relu(nn.Dense(256)(x))
        return nn.Dense(1)(nn.relu(nn.Dense(256)(x))).squeeze(-1)


class PolicyNetwork(nn.Module):
    act_dim: int

    @nn.compact
    def __call__(self, s):
        return jnp.tanh(nn.Dense(self.act_dim)(nn.relu(nn.Dense(256)(s))))


def main():
    data = load_offline_dataset("bids.npz")
    obs_dim, act_dim = data["s"].shape[1], data["a"].shape[1]
    q, pi = QNetwork(), PolicyNetwork(act_dim)
    k1, k2 = jax.random.split(jax.random.PRNGKey(0))
    q_state = TrainState.create(apply_fn=q.apply, params=q.init(k1, jnp.zeros((1, obs_dim)), jnp.zeros((1, act_dim))),
                                tx=get_optimizer(hp.learning_rate_q))
    pi_state = TrainState.create(apply_fn=pi.apply, params=pi.init(k2, jnp.zeros((1, obs_dim))),
                                 tx=get_optimizer(hp.learning_rate_pi))
    q_target = q_state.params

    @jax.jit
    def update(q_state, pi_state, q_target, s, a, r, s2):
        a2 = pi.apply(pi_state.params, s2)
        y = r + hp.gamma * q.apply(q_target, s2, a2)

        def q_loss(p):
            return jnp.mean((q.apply(p, s, a) - jax.lax.stop_gradient(y)) ** 2)

        def pi_loss(p):
            return -jnp.mean(q.apply(q_state.params, s, pi.apply(p, s)))

        q_state = q_state.apply_gradients(grads=jax.grad(q_loss)(q_state.params))
        pi_state = pi_state.apply_gradients(grads=jax.grad(pi_loss)(pi_state.params))
        return q_state, pi_state, soft_update(q_target, q_state.params)

    n = data["s"].shape[0]
    for it in range(hp.n_iterations):
        idx = np.random.randint(0, n, hp.batch_size)
        q_state, pi_state, q_target = update(q_state, pi_state, q_target, data["s"][idx], data["a"][idx],
                                             data["r"][idx], data["s2"][idx])


if __name__ == "__main__":
    main()
