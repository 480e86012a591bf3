# Idiom seen in: xlnwel/grl2-jax jx/elements/optimizer.py
# Idiom seen in: xlnwel/grl2-jax algo/masac/elements/trainer.py
# What it reproduces: build_optimizer() guards optax.add_decayed_weights behind `if weight_decay:`, but
#   every config hands it weight_decay=0 or None (as all of the repo configs do), so the decay is dead code.
import haiku as hk
import jax
import jax.numpy as jnp

import config as cfg
from optimizer import build_optimizer, optimize
from core.typing import AttrDict  # not part of this folder


def policy_fn(obs):
    return hk.nets.MLP([64, 64, 5])(obs)


def value_fn(obs):
    return hk.nets.MLP([64, 64, 1])(obs)


class Trainer:
    def __init__(self, config, rng, obs_dim):
        self.config = AttrDict(config)
        self.policy = hk.without_apply_rng(hk.transform(policy_fn))
        self.value = hk.without_apply_rng(hk.transform(value_fn))
        k1, k2 = jax.random.split(rng)
        dummy = jnp.zeros((1, obs_dim))
        self.params = AttrDict(policy=self.policy.init(k1, dummy), value=self.value.init(k2, dummy))
        self.build_optimizers()

    def build_optimizers(self):
        self.opts = AttrDict()
        self.opt_states = AttrDict()
        self.opts.policy, self.opt_states.policy = build_optimizer(
            params=self.params.policy, **self.config.policy_opt, name="policy")
        self.opts.value, self.opt_states.value = build_optimizer(
            params=self.params.value, **self.config.value_opt, name="value")

    def policy_loss(self, params, obs, action, advantage):
        logits = self.policy.apply(params, obs)
        logp = jax.nn.log_softmax(logits)
        logp_a = jnp.take_along_axis(logp, action[:, None], axis=-1).squeeze(-1)
        return -jnp.mean(logp_a * advantage), {"policy_loss": -jnp.mean(logp_a * advantage)}

    def value_loss(self, params, obs, ret):
        v = self.value.apply(params, obs).squeeze(-1)
        return jnp.mean((v - ret) ** 2), {"value_loss": jnp.mean((v - ret) ** 2)}

    def train(self, data):
        self.params.policy, self.opt_states.policy, pstats = optimize(
            self.policy_loss, self.params.policy, self.opt_states.policy,
            dict(obs=data.obs, action=data.action, advantage=data.advantage),
            self.opts.policy, name="policy")
        self.params.value, self.opt_states.value, vstats = optimize(
            self.value_loss, self.params.value, self.opt_states.value,
            dict(obs=data.obs, ret=data.ret), self.opts.value, name="value")
        return {**pstats, **vstats}


def create_trainer(rng, obs_dim):
    return Trainer(cfg.trainer, rng, obs_dim)
