# Idiom seen in: jiasenlu/LL3M models/openLLM/train.py
# Idiom seen in: jiasenlu/LL3M module/jax_utils.py
# What it reproduces: the training script builds the decay mask from parameter paths (no decay for bias,
# layer norm scales and embeddings) and hands it to the AdamW factory; decoupled, masked decay: clean.
import re

import jax
import jax.numpy as jnp
import optax
from absl import app, flags
from flax.training.train_state import TrainState
from flax.traverse_util import flatten_dict, unflatten_dict

from models.openLLM.model import LLaMAConfig, FlaxLLaMAForCausalLM
from data.data_factory import DatasetFactory
from optimizers import AdamWOptimizerFactory

FLAGS = flags.FLAGS
flags.DEFINE_float('lr', 3e-4, 'peak learning rate')
flags.DEFINE_float('weight_decay', 0.1, 'decoupled weight decay')
flags.DEFINE_integer('total_steps', 100000, 'training steps')
flags.DEFINE_string('freeze', 'vision_tower', 'regex of frozen params')

NO_DECAY = ('bias', 'norm', 'ln_', 'wte', 'embedding')


def get_weight_decay_mask(exclusions):
    def decay(name, _):
        return not any(re.search(e, name) is not None for e in exclusions)

    def mask_fn(params):
        flat = flatten_dict(params, sep='/')
        return unflatten_dict({k: decay(k, v) for k, v in flat.items()}, sep='/')
    return mask_fn


def get_trainable_mask(pattern):
    def label_fn(params):
        flat = flatten_dict(params, sep='/')
        return unflatten_dict(
            {k: ('frozen' if re.search(pattern, k) else 'trainable') for k in flat}, sep='/')
    return label_fn


def main(argv):
    llama_config = LLaMAConfig.load_config('7b')
    model = FlaxLLaMAForCausalLM(llama_config)
    dataset = DatasetFactory.load_dataset('dolma', batch_size=8, seq_length=2048)

    optimizer, info = AdamWOptimizerFactory.get_optimizer(
        dict(lr=FLAGS.lr, weight_decay=FLAGS.weight_decay, lr_decay_steps=FLAGS.total_steps),
        get_weight_decay_mask(NO_DECAY),
        get_trainable_mask(FLAGS.freeze),
    )

    params = model.init_weights(jax.random.PRNGKey(0), (1, 2048))
    state = TrainState.create(params=params, tx=optimizer, apply_fn=None)

    def loss_fn(params, batch):
        logits = model.module.apply(params, batch['input_tokens'], deterministic=False).logits
        return optax.softmax_cross_entropy_with_integer_labels(logits, batch['target_tokens']).mean()

    @jax.jit
    def train_step(state, batch):
        loss, grads = jax.value_and_grad(loss_fn)(state.params, batch)
        return state.apply_gradients(grads=grads), loss

    for step, batch in zip(range(FLAGS.total_steps), dataset):
        state, loss = train_step(state, batch)
        if step % 100 == 0:
            print(step, float(loss), float(info['learning_rate_schedule'](step)))


if __name__ == '__main__':
    app.run(main)
