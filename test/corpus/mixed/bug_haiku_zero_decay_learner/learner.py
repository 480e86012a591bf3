# Idiom seen in: spktrm/porygon2 ml/config.py (the learner class around that config is written here in its R-NaD style)
# What it reproduces: a learner class that builds its optimizer from the config through the helper,
#   trains a haiku actor-critic with jax.value_and_grad(has_aux=True), and moves a target network
#   towards the online parameters with optax.incremental_update.
import haiku as hk
import jax
import jax.numpy as jnp
import optax

from config import LearnerConfig
from optim import make_optimizer


class Learner:
    def __init__(self, network: hk.Transformed, config: LearnerConfig, example_obs, key):
        self.network = network
        self.config = config
        self.params = network.init(key, example_obs)
        self.params_target = jax.tree_util.tree_map(jnp.copy, self.params)
        self.optimizer = make_optimizer(config.learning_rate, config.adam, config.clip_gradient)
        self.opt_state = self.optimizer.init(self.params)
        self._update = jax.jit(self._update_fn)

    def loss(self, params, batch):
        logits, values = self.network.apply(params, batch["obs"])
        log_pi = jax.nn.log_softmax(jnp.where(batch["legal"], logits, -1e9))
        log_pi_a = jnp.take_along_axis(log_pi, batch["action"][..., None], axis=-1)[..., 0]
        advantage = jax.lax.stop_gradient(batch["return"] - values)
        policy_loss = -jnp.mean(log_pi_a * advantage)
        value_loss = jnp.mean(jnp.square(batch["return"] - values))
        entropy = -jnp.mean(jnp.sum(jnp.exp(log_pi) * log_pi, axis=-1))
        loss = policy_loss + self.config.value_loss_coef * value_loss - self.config.entropy_loss_coef * entropy
        return loss, {"policy_loss": policy_loss, "value_loss": value_loss, "entropy": entropy}

    def _update_fn(self, params, params_target, opt_state, batch):
        (loss, aux), grads = jax.value_and_grad(self.loss, has_aux=True)(params, batch)
        updates, opt_state = self.optimizer.update(grads, opt_state, params)
        params = optax.apply_updates(params, updates)
        params_target = optax.incremental_update(params, params_target, self.config.target_network_avg)
        return params, params_target, opt_state, dict(aux, loss=loss)

    def step(self, batch):
        self.params, self.params_target, self.opt_state, logs = self._update(
            self.params, self.params_target, self.opt_state, batch
        )
        return jax.device_get(logs)
