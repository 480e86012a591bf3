# Idiom seen in: google-deepmind/dm-haiku examples/imagenet/train.py (loss_fn, l2_loss over non-batchnorm params)
# What it reproduces: a Colab-style notebook (# %% cells) porting the haiku ResNet recipe to CIFAR-10.
#   loss_fn computes reg_loss = WEIGHT_DECAY * l2_loss(...) exactly as the recipe does, but returns only
#   the cross-entropy as the differentiated value and puts reg_loss in the logged metrics. The optimizer
#   (SGD with Nesterov momentum) has no decay of its own, so the network trains with no weight decay.
# label-note: WD104 on the reg_loss line: the term is computed and only logged, never added to the loss.

# %% [markdown]
# # ResNet-18 on CIFAR-10 with Haiku + Optax

# %%
import haiku as hk
import jax
import jax.numpy as jnp
import numpy as np
import optax
import tree

from cifar_input import load_cifar10  # helper module that sits next to the notebook

# %%
BATCH_SIZE = 128
EPOCHS = 30
LEARNING_RATE = 0.1
MOMENTUM = 0.9
WEIGHT_DECAY = 5e-4

train_ds, steps_per_epoch = load_cifar10("train", batch_size=BATCH_SIZE)


# %%
def _forward(images, is_training):
    net = hk.nets.ResNet18(num_classes=10, resnet_v2=True)
    return net(images, is_training=is_training)


forward = hk.transform_with_state(_forward)


# %%
def l2_loss(params):
    return 0.5 * sum(jnp.sum(jnp.square(p)) for p in params)


def loss_fn(params, state, images, labels):
    logits, state = forward.apply(params, state, None, images, is_training=True)
    cat_loss = optax.softmax_cross_entropy_with_integer_labels(logits, labels).mean()
    l2_params = [p for ((mod_name, _), p) in tree.flatten_with_path(params) if "batchnorm" not in mod_name]
    reg_loss = WEIGHT_DECAY * l2_loss(l2_params)  # expect: WD104
    metrics = {"cat_loss": cat_loss, "reg_loss": reg_loss, "accuracy": jnp.mean(jnp.argmax(logits, -1) == labels)}
    return cat_loss, (state, metrics)


# %%
schedule = optax.cosine_decay_schedule(LEARNING_RATE, EPOCHS * steps_per_epoch)
optimizer = optax.sgd(schedule, momentum=MOMENTUM, nesterov=True)


@jax.jit
def train_step(params, state, opt_state, images, labels):
    (_, (state, metrics)), grads = jax.value_and_grad(loss_fn, has_aux=True)(params, state, images, labels)
    updates, opt_state = optimizer.update(grads, opt_state)
    params = optax.apply_updates(params, updates)
    return params, state, opt_state, metrics


# %%
images, labels = next(iter(train_ds))
params, state = forward.init(jax.random.PRNGKey(0), images, is_training=True)
opt_state = optimizer.init(params)

# %%
for epoch in range(EPOCHS):
    epoch_metrics = []
    for images, labels in train_ds:
        params, state, opt_state, metrics = train_step(params, state, opt_state, images, labels)
        epoch_metrics.append(jax.device_get(metrics))
    summary = {k: float(np.mean([m[k] for m in epoch_metrics])) for k in epoch_metrics[0]}
    print(f"epoch {epoch}: {summary}")
