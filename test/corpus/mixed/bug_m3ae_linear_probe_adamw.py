# Idiom seen in: young-geng/m3ae_public m3ae/finetune_main.py
# What it reproduces: the repository's absl/Flax fine-tuning script cut down to a linear probe
#   (LayerNorm + Dense head on frozen features). User mistake: the mask= of the repo's optax.adamw was
#   dropped, so the decay also hits the head bias and the LayerNorm scale/bias (WD203).
import absl.app
import absl.flags
import flax.linen as nn
import jax
import jax.numpy as jnp
import numpy as np
import optax
from flax.training import train_state

from .data import ImageNetFeatures
from .utils import define_flags_with_default, get_user_flags, load_checkpoint

FLAGS_DEF = define_flags_with_default(
    seed=0,
    epochs=100,
    batch_size=1024,
    lr=1e-3,
    weight_decay=0.05,
    feature_path="",
)
FLAGS = absl.flags.FLAGS


class LinearProbe(nn.Module):
    num_classes: int

    @nn.compact
    def __call__(self, x):
        x = nn.LayerNorm()(x)
        return nn.Dense(self.num_classes)(x)


def create_train_step(model):
    @jax.jit
    def train_step(state, feats, labels):
        def loss_fn(params):
            logits = model.apply(params, feats)
            onehot = jax.nn.one_hot(labels, logits.shape[-1])
            loss = optax.softmax_cross_entropy(logits, onehot).mean()
            acc = jnp.mean(jnp.argmax(logits, -1) == labels)
            return loss, dict(loss=loss, accuracy=acc)

        (_, aux), grads = jax.value_and_grad(loss_fn, has_aux=True)(state.params)
        return state.apply_gradients(grads=grads), aux

    return train_step


def main(argv):
    variant = get_user_flags(FLAGS, FLAGS_DEF)
    data = ImageNetFeatures(FLAGS.feature_path)
    model = LinearProbe(num_classes=data.num_classes)
    params = model.init(jax.random.PRNGKey(FLAGS.seed), jnp.zeros((1, data.feature_dim)))

    steps_per_epoch = len(data) // FLAGS.batch_size
    schedule = optax.cosine_decay_schedule(FLAGS.lr, FLAGS.epochs * steps_per_epoch)
    tx = optax.adamw(
        learning_rate=schedule,
        weight_decay=FLAGS.weight_decay,  # expect: WD203
        b1=0.9, b2=0.999,
    )
    state = train_state.TrainState.create(apply_fn=model.apply, params=params, tx=tx)
    train_step = create_train_step(model)

    for epoch in range(FLAGS.epochs):
        for feats, labels in data.batches(FLAGS.batch_size, shuffle=True):
            state, metrics = train_step(state, np.asarray(feats), np.asarray(labels))
        print(variant["feature_path"], epoch, float(metrics["loss"]), float(metrics["accuracy"]))


if __name__ == "__main__":
    absl.app.run(main)
