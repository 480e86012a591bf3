# Idiom seen in: ikostrikov/jaxrl2 jaxrl2/agents/bc/bc_learner.py
# Idiom seen in: ikostrikov/jaxrl2 examples/configs/offline_config.py
# What it reproduces: jaxrl2's BC learner (flax TrainState, optional weight_decay); the repo uses optax.adamw, here
# the user "adds L2 like the paper" with optax.chain(add_decayed_weights, adam): the decay is added to the gradient
# before Adam's scaling (coupled L2) and, without a mask, also hits every bias of the policy MLP.

from typing import Dict, Optional, Sequence

from absl import app, flags
from flax.core.frozen_dict import FrozenDict
from flax.training.train_state import TrainState
import jax
import jax.numpy as jnp
import ml_collections
import optax

from jaxrl2.data import D4RLDataset
from jaxrl2.networks import UnitStdNormalPolicy

FLAGS = flags.FLAGS
flags.DEFINE_string('env_name', 'halfcheetah-expert-v2', 'D4RL environment name.')
flags.DEFINE_integer('max_steps', 1_000_000, 'Number of training steps.')
flags.DEFINE_integer('batch_size', 256, 'Mini batch size.')


def get_bc_config():
    config = ml_collections.ConfigDict()
    config.actor_lr = 1e-3
    config.hidden_dims = (256, 256)
    config.cosine_decay = True
    config.dropout_rate = 0.1
    config.weight_decay = 1e-4
    return config


def log_prob_update(rng, actor: TrainState, batch: FrozenDict):
    rng, key = jax.random.split(rng)

    def loss_fn(actor_params):
        dist = actor.apply_fn({'params': actor_params}, batch['observations'], training=True,
                              rngs={'dropout': key})
        log_probs = dist.log_prob(batch['actions'])
        actor_loss = -log_probs.mean()
        return actor_loss, {'bc_loss': actor_loss}

    grads, info = jax.grad(loss_fn, has_aux=True)(actor.params)
    new_actor = actor.apply_gradients(grads=grads)
    return rng, new_actor, info


_log_prob_update_jit = jax.jit(log_prob_update)


class BCLearner:
    def __init__(self, seed: int, observations: jnp.ndarray, actions: jnp.ndarray,
                 actor_lr: float = 1e-3, decay_steps: Optional[int] = None,
                 hidden_dims: Sequence[int] = (256, 256), dropout_rate: Optional[float] = None,
                 weight_decay: Optional[float] = None):
        rng = jax.random.PRNGKey(seed)
        rng, actor_key = jax.random.split(rng)
        actor_def = UnitStdNormalPolicy(hidden_dims, actions.shape[-1], dropout_rate=dropout_rate)

        if decay_steps is not None:
            actor_lr = optax.cosine_decay_schedule(actor_lr, decay_steps)

        if weight_decay is not None:
            optimiser = optax.chain(
                optax.add_decayed_weights(weight_decay),  # expect: WD202, WD203
                optax.adam(learning_rate=actor_lr),
            )
        else:
            optimiser = optax.adam(learning_rate=actor_lr)

        params = actor_def.init(actor_key, observations)['params']
        self._actor = TrainState.create(apply_fn=actor_def.apply, params=params, tx=optimiser)
        self._rng = rng

    def update(self, batch: FrozenDict) -> Dict[str, float]:
        self._rng, self._actor, info = _log_prob_update_jit(self._rng, self._actor, batch)
        return info


def main(_):
    dataset = D4RLDataset(FLAGS.env_name)
    sample = dataset.sample(1)
    kwargs = get_bc_config().to_dict()
    if kwargs.pop('cosine_decay'):
        kwargs['decay_steps'] = FLAGS.max_steps
    agent = BCLearner(42, sample['observations'], sample['actions'], **kwargs)
    for i in range(FLAGS.max_steps):
        info = agent.update(dataset.sample(FLAGS.batch_size))
        if i % 5000 == 0:
            print(i, {k: float(v) for k, v in info.items()})


if __name__ == '__main__':
    app.run(main)
