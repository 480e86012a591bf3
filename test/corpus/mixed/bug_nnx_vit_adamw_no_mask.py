# Idiom seen in: jax-ml/jax-ai-stack docs/source/JAX_Vision_transformer.md
# What it reproduces: the tutorial fine-tunes a flax.nnx ViT with optax.sgd; the user switches to optax.adamw with
# weight_decay=0.05 and no mask, so LayerNorm scales/biases, biases, cls token and position embeddings decay too.
import grain.python as grain
import jax
import jax.numpy as jnp
import numpy as np
import optax
from flax import nnx

from vit import VisionTransformer, load_pretrained_weights
from food101 import get_datasets

num_epochs = 3
learning_rate = 1e-4
weight_decay = 0.05
train_batch_size = 32

train_dataset, val_dataset = get_datasets(num_classes=20)
model = VisionTransformer(num_classes=1000)
load_pretrained_weights(model, "google/vit-base-patch16-224")
model.classifier = nnx.Linear(model.classifier.in_features, 20, rngs=nnx.Rngs(0))

total_steps = len(train_dataset) // train_batch_size
lr_schedule = optax.warmup_cosine_decay_schedule(0.0, learning_rate, total_steps // 10, num_epochs * total_steps)

tx = optax.adamw(
    lr_schedule,
    b1=0.9,
    b2=0.999,
    weight_decay=weight_decay,  # expect: WD203
)
optimizer = nnx.Optimizer(model, tx)


def compute_losses_and_logits(model: nnx.Module, images: jax.Array, labels: jax.Array):
    logits = model(images)
    loss = optax.softmax_cross_entropy_with_integer_labels(logits=logits, labels=labels).mean()
    return loss, logits


@nnx.jit
def train_step(model: nnx.Module, optimizer: nnx.Optimizer, batch):
    images = jnp.array(batch["image"])
    labels = jnp.array(batch["label"], dtype=jnp.int32)
    grad_fn = nnx.value_and_grad(compute_losses_and_logits, has_aux=True)
    (loss, logits), grads = grad_fn(model, images, labels)
    optimizer.update(grads)
    return loss


train_loader = grain.DataLoader(
    data_source=train_dataset,
    sampler=grain.IndexSampler(len(train_dataset), shuffle=True, seed=12, shard_options=grain.NoSharding(), num_epochs=1),
    worker_count=4,
    operations=[grain.Batch(train_batch_size, drop_remainder=True)],
)

for epoch in range(num_epochs):
    model.train()
    for batch in train_loader:
        loss = train_step(model, optimizer, batch)
    print(f"epoch {epoch}: loss {loss.item():.4f}")
