# Idiom seen in: Srushti-9/minigpt-jax src/minigpt/train.py
# Idiom seen in: Srushti-9/minigpt-jax src/minigpt/config.py
# What it reproduces: flax.nnx MiniGPT trained through nnx.Optimizer(model, optax.adamw(...)) with a rank mask, so only the
# matrices decay (decoupled AdamW) and LayerNorm scales/biases do not. Clean (the repo adamw had no mask; here it does).
from dataclasses import dataclass

import flax.nnx as nnx
import jax
import jax.numpy as jnp
import optax

from minigpt.data import load_and_preprocess_data
from minigpt.model import MiniGPT


@dataclass
class TrainConfig:
    data_path: str = "TinyStories-train.txt"
    batch_size: int = 64
    num_epochs: int = 1
    peak_lr: float = 3e-3
    end_lr: float = 3e-5
    warmup_fraction: float = 0.05
    weight_decay: float = 0.1
    max_stories: int = 100_000
    log_every: int = 100
    seed: int = 0


def decay_mask(params):
    return jax.tree.map(lambda p: p.ndim > 1, params)


def loss_fn(model, batch):
    inputs, targets = batch
    logits = model(inputs)
    token_loss = optax.softmax_cross_entropy_with_integer_labels(logits, targets)
    mask = (targets != 0).astype(token_loss.dtype)
    loss = (token_loss * mask).sum() / jnp.clip(mask.sum(), min=1.0)
    return loss, logits


@nnx.jit
def train_step(model, optimizer, metrics, batch):
    grad_fn = nnx.value_and_grad(loss_fn, has_aux=True)
    (loss, logits), grads = grad_fn(model, batch)
    metrics.update(loss=loss, logits=logits, labels=batch[1])
    optimizer.update(grads)


def train(model, tokenizer, cfg: TrainConfig):
    text_dl, batches_per_epoch = load_and_preprocess_data(
        file_path=cfg.data_path, tokenizer=tokenizer, batch_size=cfg.batch_size,
        maxlen=model.maxlen, max_stories=cfg.max_stories, num_epochs=1, seed=cfg.seed)
    total_steps = batches_per_epoch * cfg.num_epochs
    lr_schedule = optax.warmup_cosine_decay_schedule(
        init_value=0.0, peak_value=cfg.peak_lr,
        warmup_steps=max(1, int(total_steps * cfg.warmup_fraction)),
        decay_steps=total_steps, end_value=cfg.end_lr)
    optimizer = nnx.Optimizer(
        model, optax.adamw(learning_rate=lr_schedule, weight_decay=cfg.weight_decay, mask=decay_mask)
    )
    metrics = nnx.MultiMetric(loss=nnx.metrics.Average("loss"))
    prep_target_batch = jax.vmap(lambda tokens: jnp.concatenate((tokens[1:], jnp.array([0]))))

    for epoch in range(cfg.num_epochs):
        for step, batch in enumerate(text_dl):
            batch_t = jnp.array(jnp.array(batch).T)
            train_step(model, optimizer, metrics, (batch_t.astype(jnp.int32),
                                                   prep_target_batch(batch_t).astype(jnp.int32)))
            if (step + 1) % cfg.log_every == 0:
                print(f"epoch {epoch + 1} step {step + 1} loss {float(metrics.compute()['loss']):.4f}")
                metrics.reset()
    return model


if __name__ == "__main__":
    import tiktoken

    tokenizer = tiktoken.get_encoding("gpt2")
    model = MiniGPT(maxlen=256, vocab_size=tokenizer.n_vocab, embed_dim=256, num_heads=8,
                    feed_forward_dim=256, num_transformer_blocks=8, rngs=nnx.Rngs(0))
    train(model, tokenizer, TrainConfig())
