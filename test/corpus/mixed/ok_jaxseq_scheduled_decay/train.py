# Idiom seen in: Sea-Snell/JAXSeq examples_jaxseq/gpt2/gpt2_train.py
# What it reproduces: the training script builds its optimizer from a named recipe with a mask that leaves
# out GPT-2's ln_* scales/biases and every bias, and wraps it in optax.MultiSteps; the decay is decoupled
# and masked in every recipe. Clean.
import re

import jax
import jax.numpy as jnp
import optax
import tyro
from transformers import FlaxGPT2LMHeadModel

from optimizers import GPT3Optimizer, PALMOptimizer
from utils import get_weight_decay_mask
from data import load_batches


def main(recipe: str = "gpt3", lr: float = 3e-4, weight_decay: float = 0.1, grad_accum_steps: int = 1,
         epochs: int = 1, train_data_path: str = "data/train.jsonl"):
    model = FlaxGPT2LMHeadModel.from_pretrained("gpt2")
    params = model.params

    mask = get_weight_decay_mask((
        "".join([r"\['ln_\d+'\]", re.escape("['bias']")]),
        "".join([r"\['ln_\d+'\]", re.escape("['scale']")]),
        re.escape("['ln_f']['bias']"),
        re.escape("['ln_f']['scale']"),
        "bias",
    ))
    if recipe == "gpt3":
        optim, info = GPT3Optimizer(lr=lr, weight_decay=weight_decay).get_optim(mask)
    else:
        optim, info = PALMOptimizer(weight_decay=1e-4).get_optim(mask)
    optim = optax.MultiSteps(optim, every_k_schedule=grad_accum_steps)
    opt_state = optim.init(params)

    def loss_fn(params, batch):
        logits = model(input_ids=batch["input_ids"], attention_mask=batch["attention_mask"], params=params).logits
        labels = batch["input_ids"][:, 1:]
        logp = jax.nn.log_softmax(logits[:, :-1], axis=-1)
        token_logp = jnp.take_along_axis(logp, labels[..., None], axis=-1)[..., 0]
        mask_t = batch["attention_mask"][:, 1:]
        return -(token_logp * mask_t).sum() / mask_t.sum()

    @jax.jit
    def train_step(params, opt_state, batch):
        loss, grads = jax.value_and_grad(loss_fn)(params, batch)
        updates, opt_state = optim.update(grads, opt_state, params)
        params = optax.apply_updates(params, updates)
        return params, opt_state, loss

    for epoch in range(epochs):
        for step, batch in enumerate(load_batches(train_data_path)):
            params, opt_state, loss = train_step(params, opt_state, batch)
            if step % 256 == 0:
                print(f"epoch {epoch} step {step} loss {float(loss):.4f} lr {info['learning_rate_schedule'](step)}")


if __name__ == "__main__":
    tyro.cli(main)
