# Idiom seen in: alex-damian/jaxutil jaxbase/train.py
# What it reproduces: the repo's hand-written GD loop (lax.scan over steps) ported to optax; the
#   user appends add_decayed_weights AFTER optax.sgd in the chain, so +wd*w is added to an update
#   already scaled by -lr: the parameters grow by (1 + wd) per step (a negative decay).
import jax
import jax.numpy as jnp
import optax
from absl import app, flags

from jaxbase.data.torch.cifar10 import load_cifar10
from jaxbase.models.resnet import ResNet18

FLAGS = flags.FLAGS
flags.DEFINE_float("lr", 0.1, "learning rate")
flags.DEFINE_float("momentum", 0.9, "momentum")
flags.DEFINE_float("wd", 5e-4, "weight decay")
flags.DEFINE_integer("steps", 20_000, "training steps")


def decay_mask(params):
    return jax.tree_util.tree_map(lambda p: p.ndim > 1, params)


def make_tx():
    return optax.chain(
        optax.sgd(FLAGS.lr, momentum=FLAGS.momentum),
        optax.add_decayed_weights(FLAGS.wd, mask=decay_mask),  # expect: WD302
    )


def main(argv):
    del argv
    model = ResNet18(num_classes=10)
    train_x, train_y = load_cifar10(split="train")
    key = jax.random.PRNGKey(0)
    params = model.init(key, train_x[:1])
    tx = make_tx()
    opt_state = tx.init(params)

    def loss_fn(p, x, y):
        logits = model.apply(p, x)
        return optax.softmax_cross_entropy_with_integer_labels(logits, y).mean()

    @jax.jit
    def step(carry, batch):
        p, s = carry
        x, y = batch
        loss, g = jax.value_and_grad(loss_fn)(p, x, y)
        updates, s = tx.update(g, s, p)
        p = optax.apply_updates(p, updates)
        return (p, s), loss

    batches = (train_x.reshape(-1, 128, 32, 32, 3)[:FLAGS.steps],
               train_y.reshape(-1, 128)[:FLAGS.steps])
    (params, opt_state), losses = jax.lax.scan(step, (params, opt_state), batches)
    print("final loss", float(jnp.mean(losses[-100:])))


if __name__ == "__main__":
    app.run(main)
