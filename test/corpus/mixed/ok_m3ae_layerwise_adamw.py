# Idiom seen in: young-geng/m3ae_public m3ae/finetune_main.py
# What it reproduces: absl flags, a Flax ViT fed by a torch DataLoader, and one optax.adamw per layer
#   (layer-wise lr decay) under optax.multi_transform, each with a mask that keeps biases and norm
#   scales out of the decay. Clean: decoupled decay, masked, loss is the plain cross entropy.
from functools import partial

import absl.app
import absl.flags
import flax
import jax
import jax.numpy as jnp
import optax
import torch
from flax.training import train_state

from .data import ImageNetDataset
from .model import ViTClassifier, extract_patches
from .utils import define_flags_with_default, get_user_flags, WandBLogger

FLAGS_DEF = define_flags_with_default(
    seed=42,
    epochs=90,
    batch_size=256,
    patch_size=16,
    depth=12,
    lr_peak_value=1.5e-4,
    lr_warmup_epochs=5,
    weight_decay=0.05,
    clip_gradient=1.0,
    layer_decay=0.75,
)
FLAGS = absl.flags.FLAGS


def create_train_step(model):
    @partial(jax.pmap, axis_name="pmap", donate_argnums=0)
    def train_step_fn(state, rng, image, label):
        def loss_fn(params):
            logits = model.apply(params, extract_patches(image, FLAGS.patch_size),
                                 deterministic=False, rngs={"dropout": rng})
            loss = optax.softmax_cross_entropy(logits, label).mean()
            return loss, dict(loss=loss)

        (loss, aux), grads = jax.value_and_grad(loss_fn, has_aux=True)(state.params)
        grads = jax.lax.pmean(grads, axis_name="pmap")
        return state.apply_gradients(grads=grads), aux

    return train_step_fn


def main(argv):
    variant = get_user_flags(FLAGS, FLAGS_DEF)
    logger = WandBLogger(variant=variant)
    dataset = ImageNetDataset(split="train")
    loader = torch.utils.data.DataLoader(dataset, batch_size=FLAGS.batch_size, drop_last=True)
    steps_per_epoch = len(loader)
    total_steps = steps_per_epoch * FLAGS.epochs

    model = ViTClassifier(num_classes=dataset.num_classes(), depth=FLAGS.depth)
    params = flax.core.unfreeze(model.init(jax.random.PRNGKey(FLAGS.seed),
                                           jnp.zeros((2, 196, 768)), deterministic=False))

    def decay_mask(layer_params):
        flat = flax.traverse_util.flatten_dict(layer_params)
        return flax.traverse_util.unflatten_dict(
            {k: (k[-1] != "bias" and k[-1] != "scale" and v.ndim > 1) for k, v in flat.items()})

    def get_optim(lr_scale):
        schedule = optax.warmup_cosine_decay_schedule(
            init_value=0.0, peak_value=FLAGS.lr_peak_value * lr_scale,
            warmup_steps=FLAGS.lr_warmup_epochs * steps_per_epoch, decay_steps=total_steps)
        return optax.chain(
            optax.clip_by_global_norm(FLAGS.clip_gradient),
            optax.adamw(learning_rate=schedule, weight_decay=FLAGS.weight_decay,
                        b1=0.9, b2=0.999, mask=decay_mask),
        )

    num_layer = FLAGS.depth + 1
    transforms = {i: get_optim(FLAGS.layer_decay ** (num_layer - i)) for i in range(num_layer + 1)}

    def layer_id(name):
        if len(name) > 3 and name[3].startswith("Block"):
            return int(name[3].split("_")[1]) + 1
        if name[-1] in ("cls_token", "patch_emb"):
            return 0
        return num_layer

    def param_labels(p):
        flat = flax.traverse_util.flatten_dict(flax.core.unfreeze(p))
        return flax.traverse_util.unflatten_dict({k: layer_id(k) for k in flat})

    tx = optax.multi_transform(transforms, param_labels)
    state = train_state.TrainState.create(apply_fn=None, params=params, tx=tx)
    state = flax.jax_utils.replicate(state)
    train_step_fn = create_train_step(model)

    n_dev = jax.local_device_count()
    rngs = jax.random.split(jax.random.PRNGKey(FLAGS.seed), n_dev)
    for epoch in range(FLAGS.epochs):
        for images, labels in loader:
            images = images.numpy().reshape(n_dev, -1, *images.shape[1:])
            labels = jax.nn.one_hot(labels.numpy(), dataset.num_classes()).reshape(n_dev, -1, dataset.num_classes())
            state, metrics = train_step_fn(state, rngs, images, labels)
        logger.log({"epoch": epoch, "loss": float(metrics["loss"].mean())})


if __name__ == "__main__":
    torch.multiprocessing.set_start_method("spawn")
    absl.app.run(main)
