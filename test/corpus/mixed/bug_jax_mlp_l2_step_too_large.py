# Idiom seen in: WilliamZhang20/ML-in-JAX train_utils.py
# Idiom seen in: WilliamZhang20/ML-in-JAX mnist_nn.py
# What it reproduces: pure-JAX MLP as a list of (w, b) with a hand-written SGD update; the user
#   adds an L2 term 0.5*wd*sum(w**2) to the loss with wd=4.0 (meant 4e-4): lr*wd = 0.5*4.0 = 2,
#   so decay alone flips the sign of the weights every step (plain SGD, factor 1 - lr*wd = -1).
import numpy as np
import jax
import jax.numpy as jnp
from jax import grad, jit, random, vmap
from jax.scipy.special import logsumexp

from mnist_data import load_mnist

LAYER_SIZES = [784, 512, 256, 10]
STEP_SIZE = 0.5
WEIGHT_DECAY = 4.0  # expect: WD301
NUM_EPOCHS = 10
BATCH_SIZE = 128


def init_network_params(sizes, key, scale=1e-2):
    keys = random.split(key, len(sizes))
    return [(scale * random.normal(k, (n, m)), scale * random.normal(k, (n,)))
            for m, n, k in zip(sizes[:-1], sizes[1:], keys)]


def relu(x):
    return jnp.maximum(0, x)


def predict(params, image):
    activations = image
    for w, b in params[:-1]:
        activations = relu(jnp.dot(w, activations) + b)
    final_w, final_b = params[-1]
    logits = jnp.dot(final_w, activations) + final_b
    return logits - logsumexp(logits)


batched_predict = vmap(predict, in_axes=(None, 0))


def loss(params, images, targets):
    preds = batched_predict(params, images)
    xent = -jnp.mean(preds * targets)
    l2 = 0.5 * WEIGHT_DECAY * sum(jnp.sum(w ** 2) for w, _ in params)
    return xent + l2


@jit
def update(params, x, y, step_size):
    grads = grad(loss)(params, x, y)
    return [(w - step_size * dw, b - step_size * db)
            for (w, b), (dw, db) in zip(params, grads)]


def main():
    params = init_network_params(LAYER_SIZES, random.PRNGKey(0))
    train_images, train_labels = load_mnist("train")
    n = train_images.shape[0]
    for epoch in range(NUM_EPOCHS):
        perm = np.random.permutation(n)
        for i in range(0, n, BATCH_SIZE):
            idx = perm[i:i + BATCH_SIZE]
            params = update(params, train_images[idx], train_labels[idx], STEP_SIZE)
        print("epoch", epoch, float(loss(params, train_images[:1000], train_labels[:1000])))


if __name__ == "__main__":
    main()
