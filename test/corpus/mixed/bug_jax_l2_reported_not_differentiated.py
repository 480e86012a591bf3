# Idiom seen in: repository not resolved by the code index (index file id 15233499964: a small JAX network
#   library's losses module, `l2(model)` = sum of squared leaves / 2 and `l2_reguluarized(loss)` wrappers
#   that add `l2(model) * gamma`)
# What it reproduces: a PyTorch habit carried to JAX: the train step differentiates the plain cross-entropy
#   with jax.value_and_grad, applies the update, and only then forms `loss + l2_coef * l2(params)` for the
#   metrics. The penalty is computed every step but never inside the differentiated function, so Adam
#   never sees it.
# label-note: WD104 on the line computing the penalty term in train_step. optax.adam has no decay, so no
#   WD202/WD203; the penalty helper skips biases (only kernels), which is irrelevant once it is discarded.
import jax
import jax.numpy as jnp
import optax
from absl import app, flags
from flax import linen as nn
from flax import traverse_util
from flax.training import train_state

import input_pipeline  # not part of this program

FLAGS = flags.FLAGS
flags.DEFINE_float("learning_rate", 1e-3, "Adam learning rate.")
flags.DEFINE_float("l2_coef", 5e-4, "L2 penalty on the kernels.")
flags.DEFINE_integer("num_steps", 20000, "Training steps.")


class MLP(nn.Module):
    features: tuple = (512, 256, 10)

    @nn.compact
    def __call__(self, x):
        x = x.reshape((x.shape[0], -1))
        for f in self.features[:-1]:
            x = nn.relu(nn.Dense(f)(x))
        return nn.Dense(self.features[-1])(x)


def l2(params):
    flat = traverse_util.flatten_dict(params)
    return sum(jnp.sum(v ** 2) for k, v in flat.items() if k[-1] == "kernel") / 2


def make_train_step(l2_coef):
    def cross_entropy(params, apply_fn, batch):
        logits = apply_fn({"params": params}, batch["image"])
        return optax.softmax_cross_entropy_with_integer_labels(logits, batch["label"]).mean()

    @jax.jit
    def train_step(state, batch):
        loss, grads = jax.value_and_grad(cross_entropy)(state.params, state.apply_fn, batch)
        state = state.apply_gradients(grads=grads)
        reg = l2_coef * l2(state.params)  # expect: WD104
        return state, {"loss": loss + reg, "ce": loss, "l2": reg}

    return train_step


def main(argv):
    del argv
    model = MLP()
    params = model.init(jax.random.PRNGKey(0), jnp.ones((1, 28, 28, 1)))["params"]
    state = train_state.TrainState.create(apply_fn=model.apply, params=params,
                                          tx=optax.adam(FLAGS.learning_rate))
    train_step = make_train_step(FLAGS.l2_coef)
    for step, batch in zip(range(FLAGS.num_steps), input_pipeline.train_batches(batch_size=128)):
        state, metrics = train_step(state, batch)
        if step % 500 == 0:
            print(step, jax.device_get(metrics))


if __name__ == "__main__":
    app.run(main)
