# Idiom seen in: stanford-crfm/levanter src/levanter/main/train_lm.py
# Idiom seen in: stanford-crfm/levanter src/levanter/optim/config.py
# What it reproduces: levanter-style LM training entry point: a config dataclass holding AdamConfig, the optimizer
# from config.optimizer.build(num_train_steps), filtered equinox value_and_grad on the LM loss, updates applied to
# the array leaves; the decay in optim_config.py is decoupled and masked: clean.

import argparse
from dataclasses import dataclass, field

import equinox as eqx
import jax
import jax.numpy as jnp
import optax

from optim_config import AdamConfig
from lm_data import TokenSeqDataset
from gpt2 import Gpt2Config, Gpt2LMHeadModel


@dataclass
class TrainLmConfig:
    data_path: str = "data/openwebtext"
    model: Gpt2Config = field(default_factory=Gpt2Config)
    optimizer: AdamConfig = field(default_factory=lambda: AdamConfig(learning_rate=6e-4, weight_decay=0.1))
    num_train_steps: int = 100_000
    batch_size: int = 256
    seed: int = 0


def compute_next_token_loss(model, input_ids, key=None):
    logits = jax.vmap(model)(input_ids[:, :-1], key=key)
    targets = input_ids[:, 1:]
    return optax.softmax_cross_entropy_with_integer_labels(logits, targets).mean()


def main(config: TrainLmConfig):
    key = jax.random.PRNGKey(config.seed)
    model_key, data_key = jax.random.split(key)
    model = Gpt2LMHeadModel(config.model, key=model_key)
    optimizer = config.optimizer.build(config.num_train_steps)
    opt_state = optimizer.init(eqx.filter(model, eqx.is_inexact_array))

    @eqx.filter_jit
    def train_step(model, opt_state, input_ids):
        loss, grads = eqx.filter_value_and_grad(compute_next_token_loss)(model, input_ids)
        updates, opt_state = optimizer.update(grads, opt_state, params=eqx.filter(model, eqx.is_inexact_array))
        model = eqx.apply_updates(model, updates)
        return model, opt_state, loss

    dataset = TokenSeqDataset(config.data_path, seq_len=config.model.seq_len)
    for step, batch in zip(range(config.num_train_steps), dataset.batches(config.batch_size, data_key)):
        model, opt_state, loss = train_step(model, opt_state, jnp.asarray(batch))
        if step % 100 == 0:
            lr = opt_state.hyperparams["learning_rate"]
            print(f"step {step}: loss={float(loss):.4f} lr={float(lr):.2e}")
    return model


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--data_path", default="data/openwebtext")
    parser.add_argument("--num_train_steps", type=int, default=100_000)
    parser.add_argument("--weight_decay", type=float, default=0.1)
    args = parser.parse_args()
    main(TrainLmConfig(data_path=args.data_path, num_train_steps=args.num_train_steps,
                       optimizer=AdamConfig(weight_decay=args.weight_decay)))
