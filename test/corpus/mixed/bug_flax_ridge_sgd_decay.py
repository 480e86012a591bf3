# Idiom seen in: gordicaleksa/get-started-with-JAX Tutorial_4_Flax_Zero2Hero_Colab.ipynb
# What it reproduces: the tutorial's nn.Dense linear regression (lr = 0.3, plain optax.sgd), extended by a
#   student with a "ridge" term optax.chain(add_decayed_weights(WEIGHT_DECAY), sgd(lr)); the sklearn-style
#   lambda 5.0 makes lr*wd = 1.5, so decay alone flips the kernel's sign every step (the mask spares the bias).
import jax
import jax.numpy as jnp
import optax
from flax import linen as nn

seed = 0
n_samples = 150
x_dim = 2
y_dim = 1

lr = 0.3
WEIGHT_DECAY = 5.0  # expect: WD301
epochs = 20
log_period_epoch = 5

key, w_key, b_key, x_key, noise_key = jax.random.split(jax.random.PRNGKey(seed), 5)
true_params = {'params': {'bias': jax.random.normal(b_key, (y_dim,)),
                          'kernel': jax.random.normal(w_key, (x_dim, y_dim))}}
model = nn.Dense(features=y_dim)
xs = jax.random.normal(x_key, (n_samples, x_dim))
ys = model.apply(true_params, xs) + 0.1 * jax.random.normal(noise_key, (n_samples, y_dim))


def make_mse_loss(xs, ys):

    def mse_loss(params):
        def squared_error(x, y):
            pred = model.apply(params, x)
            return jnp.inner(y - pred, y - pred) / 2.0
        return jnp.mean(jax.vmap(squared_error)(xs, ys), axis=0)

    return jax.jit(mse_loss)


def kernel_only(params):
    # ridge: do not shrink the intercept
    return jax.tree_util.tree_map(lambda p: p.ndim > 1, params)


mse_loss = make_mse_loss(xs, ys)
value_and_grad_fn = jax.value_and_grad(mse_loss)

params = model.init(key, xs)
opt_ridge = optax.chain(
    optax.add_decayed_weights(WEIGHT_DECAY, mask=kernel_only),
    optax.sgd(learning_rate=lr),
)
opt_state = opt_ridge.init(params)

for epoch in range(epochs):
    loss, grads = value_and_grad_fn(params)
    updates, opt_state = opt_ridge.update(grads, opt_state, params)
    params = optax.apply_updates(params, updates)
    if epoch % log_period_epoch == 0:
        print(f'epoch {epoch}, loss = {loss}')

print(f'Learned params = {params}')
print(f'Gt params = {true_params}')
