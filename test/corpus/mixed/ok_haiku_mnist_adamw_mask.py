# Idiom seen in: shouldsee/catsmile c8002_jax_example.py
# What it reproduces: the Haiku MNIST MLP example (tfds batches, hk.transform + hk.without_apply_rng, loss_fn
#   defining the net inline). Clean variant of its hand-written update rule: optax.adamw with decoupled decay
#   and a mask that keeps the decay off the 1-d leaves (the biases `b` of every hk.Linear); the loss has no
#   extra penalty, so the weights are decayed once.
import haiku as hk
import jax
import jax.numpy as jnp
import optax
import tensorflow_datasets as tfds


def load_dataset(split, *, is_training, batch_size):
    ds = tfds.load("mnist:3.*.*", split=split).cache().repeat()
    if is_training:
        ds = ds.shuffle(10 * batch_size, seed=0)
    ds = ds.batch(batch_size)
    return iter(tfds.as_numpy(ds))


def softmax_cross_entropy(logits, labels):
    one_hot = jax.nn.one_hot(labels, logits.shape[-1])
    return -jnp.sum(jax.nn.log_softmax(logits) * one_hot, axis=-1)


def loss_fn(images, labels):
    mlp = hk.Sequential([
        hk.Flatten(),
        hk.Linear(300), jax.nn.relu,
        hk.Linear(100), jax.nn.relu,
        hk.Linear(10),
    ])
    logits = mlp(images.astype(jnp.float32) / 255.0)
    return jnp.mean(softmax_cross_entropy(logits, labels))


def decay_mask(params):
    return jax.tree_util.tree_map(lambda p: p.ndim > 1, params)


loss_fn_t = hk.without_apply_rng(hk.transform(loss_fn))
optimizer = optax.adamw(learning_rate=1e-3, weight_decay=1e-4, mask=decay_mask)

train = load_dataset("train", is_training=True, batch_size=100)
batch = next(train)
params = loss_fn_t.init(jax.random.PRNGKey(42), batch["image"], batch["label"])
opt_state = optimizer.init(params)


@jax.jit
def update(params, opt_state, images, labels):
    loss, grads = jax.value_and_grad(loss_fn_t.apply)(params, images, labels)
    updates, opt_state = optimizer.update(grads, opt_state, params)
    return optax.apply_updates(params, updates), opt_state, loss


for step in range(10_001):
    batch = next(train)
    params, opt_state, loss = update(params, opt_state, batch["image"], batch["label"])
    if step % 1000 == 0:
        print(f"step {step}: loss {loss:.4f}")
