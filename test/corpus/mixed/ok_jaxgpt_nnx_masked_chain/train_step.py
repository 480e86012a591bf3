# Idiom seen in: ultrons/jax-gpt jax_gpt/trainer/train_step.py
# What it reproduces: the nnx training step: cross entropy of the GPT-2 logits, nnx.value_and_grad,
# and an nnx.Optimizer wrapping the masked chain of optimizer.py.
import jax
import optax
from flax import nnx

from jax_gpt.models.gpt2.model import GPT, GPTConfig
from optimizer import TrainConfig, create_optimizer


def loss_fn(model: GPT, batch):
    logits = model(batch["input_ids"])
    return optax.softmax_cross_entropy_with_integer_labels(logits, batch["labels"]).mean()


@nnx.jit
def train_step(model: GPT, optimizer: nnx.Optimizer, batch):
    loss, grads = nnx.value_and_grad(loss_fn)(model, batch)
    optimizer.update(model, grads)
    return loss


def main(batches):
    model = GPT(GPTConfig(), rngs=nnx.Rngs(0))
    optimizer = nnx.Optimizer(model, create_optimizer(model, TrainConfig()), wrt=nnx.Param)
    for step, batch in enumerate(batches):
        loss = train_step(model, optimizer, batch)
        if step % 100 == 0:
            print(step, jax.device_get(loss))
