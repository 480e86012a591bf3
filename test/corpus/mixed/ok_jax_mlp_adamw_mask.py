# Idiom seen in: morikatron/snippet jax_sample/mnist_sample_RMSProp.py
# What it reproduces: the blog's pure-JAX MLP moved from a hand-written RMSProp to optax.adamw, with a mask
#   that decays only the 2-D weight matrices (biases excluded); the decay is decoupled and applied once:
#   clean.
import jax
import jax.numpy as jnp
import optax
from jax import jit, random
from sklearn import datasets
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import OneHotEncoder

BATCH_SIZE = 512
NUM_UNITS = [64, 64]
NUM_EPOCHS = 20
LEARNING_RATE = 1e-3
WEIGHT_DECAY = 1e-2
SEED = 1234


def mlp_logits(params, x):
    for w, b in params[:-1]:
        x = jax.nn.relu(jnp.dot(x, w) + b)
    w, b = params[-1]
    return jnp.dot(x, w) + b


def mlp_loss(params, x, y):
    logits = mlp_logits(params, x)
    return optax.softmax_cross_entropy(logits, y).mean()


def init_mlp_params(input_size, output_size, num_units, seed=0):
    params, key, last_out = [], random.PRNGKey(seed), input_size
    for unit in num_units + [output_size]:
        key, subkey = random.split(key)
        params.append((random.normal(subkey, (last_out, unit)) * jnp.sqrt(2 / last_out), jnp.zeros((unit,))))
        last_out = unit
    return params


def decay_mask(params):
    return jax.tree_util.tree_map(lambda p: p.ndim > 1, params)


optimizer = optax.adamw(LEARNING_RATE, weight_decay=WEIGHT_DECAY, mask=decay_mask)


@jit
def train_step(params, opt_state, x, y):
    loss, grads = jax.value_and_grad(mlp_loss)(params, x, y)
    updates, opt_state = optimizer.update(grads, opt_state, params)
    params = optax.apply_updates(params, updates)
    return params, opt_state, loss


if __name__ == '__main__':
    digits = datasets.load_digits()
    X = jnp.array(digits.data / 16.0)
    y = jnp.array(OneHotEncoder(sparse=False).fit_transform(digits.target.reshape(-1, 1)))
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=SEED)
    params = init_mlp_params(X.shape[1], 10, NUM_UNITS, SEED)
    opt_state = optimizer.init(params)
    for epoch in range(NUM_EPOCHS):
        perm = random.permutation(random.PRNGKey(epoch), jnp.arange(X_train.shape[0]))
        for i in range(0, X_train.shape[0], BATCH_SIZE):
            mb = perm[i:i + BATCH_SIZE]
            params, opt_state, loss = train_step(params, opt_state, X_train[mb], y_train[mb])
        acc = (mlp_logits(params, X_test).argmax(-1) == y_test.argmax(-1)).mean()
        print(f'epoch {epoch}: loss {loss:.4f} test acc {acc:.3f}')
