# Idiom seen in: young-geng/EasyLM EasyLM/optimizers.py
# What it reproduces: the training script side of the factory: overrides for the optimizer config,
# a weight-decay mask built from parameter path names, a Flax TrainState, and a next-token loss with
# no penalty of its own. The decay lives only in the masked adamw: no finding.
import re

import jax
import jax.numpy as jnp
import optax
from flax import traverse_util
from flax.training.train_state import TrainState
from ml_collections import ConfigDict

from data import TextDataset
from model import GPTConfig, FlaxGPTForCausalLM
from optimizers import OptimizerFactory

NO_DECAY = ('bias', 'scale', 'ln_', 'norm', 'wte', 'wpe')


def weight_decay_mask(params):
    flat = traverse_util.flatten_dict(params)
    mask = {path: not any(re.search(name, '/'.join(path)) for name in NO_DECAY) for path in flat}
    return traverse_util.unflatten_dict(mask)


def main():
    optimizer_config = ConfigDict(dict(lr=6e-4, weight_decay=0.1, lr_warmup_steps=1000))
    optimizer, optimizer_info = OptimizerFactory.get_optimizer(optimizer_config, weight_decay_mask)

    model = FlaxGPTForCausalLM(GPTConfig.get_default_config())
    params = model.init(jax.random.PRNGKey(42), jnp.ones((1, 1024), dtype=jnp.int32))['params']
    state = TrainState.create(apply_fn=model.apply, params=params, tx=optimizer)

    @jax.jit
    def train_step(state, batch):
        def loss_fn(params):
            logits = state.apply_fn({'params': params}, batch['input_tokens'], deterministic=False,
                                    rngs={'dropout': jax.random.PRNGKey(state.step)})
            return optax.softmax_cross_entropy_with_integer_labels(logits, batch['target_tokens']).mean()

        loss, grads = jax.value_and_grad(loss_fn)(state.params)
        metrics = dict(loss=loss, learning_rate=optimizer_info['learning_rate_schedule'](state.step))
        return state.apply_gradients(grads=grads), metrics

    dataset = TextDataset(seq_length=1024, batch_size=16)
    for step, batch in enumerate(dataset):
        state, metrics = train_step(state, batch)
        if step % 100 == 0:
            print(step, jax.device_get(metrics))


if __name__ == '__main__':
    main()
