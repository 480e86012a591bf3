# Idiom seen in: morikatron/snippet jax_sample/mnist_sample_RMSProp.py
# What it reproduces: the RMSProp MNIST script ported to flax TrainState + optax, with the PyTorch habit of
#   "RMSprop(weight_decay=...)" rebuilt as add_decayed_weights before optax.rmsprop: coupled L2 that the
#   adaptive scaling shrinks (WD202), applied to every leaf including the biases, no mask (WD203).
import jax
import jax.numpy as jnp
import optax
from flax.training import train_state
from sklearn import datasets
from sklearn.model_selection import train_test_split

from config import CONFIG
from model import MLP


def create_train_state(rng, cfg):
    model = MLP(num_units=cfg['num_units'])
    params = model.init(rng, jnp.ones((1, 64)))['params']
    tx = optax.chain(
        optax.add_decayed_weights(cfg['weight_decay']),  # expect: WD202, WD203
        optax.rmsprop(cfg['learning_rate']),
    )
    return train_state.TrainState.create(apply_fn=model.apply, params=params, tx=tx)


@jax.jit
def train_step(state, x, y):
    def loss_fn(params):
        logits = state.apply_fn({'params': params}, x)
        return optax.softmax_cross_entropy_with_integer_labels(logits, y).mean()
    loss, grads = jax.value_and_grad(loss_fn)(state.params)
    return state.apply_gradients(grads=grads), loss


def main():
    digits = datasets.load_digits()
    X_train, X_test, y_train, y_test = train_test_split(
        digits.data / 16.0, digits.target, test_size=0.2, random_state=CONFIG['seed'])
    state = create_train_state(jax.random.PRNGKey(CONFIG['seed']), CONFIG)
    bs = CONFIG['batch_size']
    for epoch in range(CONFIG['num_epochs']):
        for i in range(0, len(X_train), bs):
            state, loss = train_step(state, jnp.array(X_train[i:i + bs]), jnp.array(y_train[i:i + bs]))
        print(f'epoch {epoch}: loss {float(loss):.4f}')


if __name__ == '__main__':
    main()
