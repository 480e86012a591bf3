# Idiom seen in: lefameuxbeding/learned_aggregation src/optimizers.py
# What it reproduces: a haiku task loss differentiated with jax.value_and_grad(..., has_aux=True) where the L2
# penalty on the Linear weights (not biases / BatchNorm) is added to the returned loss and the aux dict only
# reports it; the optimizer is plain SGD with momentum and no decay of its own (clean).
import haiku as hk
import jax
import jax.numpy as jnp
import optax

from tasks import get_task

WEIGHT_DECAY = 5e-4


def net_fn(images, is_training):
    x = hk.Flatten()(images)
    x = jax.nn.relu(hk.Linear(512)(x))
    x = hk.BatchNorm(create_scale=True, create_offset=True, decay_rate=0.9)(x, is_training)
    x = jax.nn.relu(hk.Linear(256)(x))
    return hk.Linear(10)(x)


net = hk.transform_with_state(net_fn)


def l2_of_weights(params):
    weights = hk.data_structures.filter(lambda module, name, value: name == 'w', params)
    return 0.5 * sum(jnp.sum(jnp.square(w)) for w in jax.tree_util.tree_leaves(weights))


def loss_with_state(params, state, key, batch):
    logits, new_state = net.apply(params, state, key, batch['image'], True)
    xent = optax.softmax_cross_entropy_with_integer_labels(logits, batch['label']).mean()
    reg = WEIGHT_DECAY * l2_of_weights(params)
    total = xent + reg
    return total, (new_state, {'l2': reg, 'xent': xent})


def train(args):
    task = get_task(args)
    opt = optax.sgd(args.learning_rate, momentum=0.9)
    key = jax.random.PRNGKey(args.seed)
    batch = next(task.datasets.train)
    params, state = net.init(key, batch['image'], True)
    opt_state = opt.init(params)

    @jax.jit
    def update(params, state, opt_state, key, batch):
        (l, (s, metrics)), grad = jax.value_and_grad(loss_with_state, has_aux=True)(params, state, key, batch)
        updates, opt_state = opt.update(grad, opt_state, params)
        return optax.apply_updates(params, updates), s, opt_state, l, metrics

    for step in range(args.num_steps):
        key, subkey = jax.random.split(key)
        params, state, opt_state, l, metrics = update(params, state, opt_state, subkey, next(task.datasets.train))
        if step % 100 == 0:
            print(step, float(l), float(metrics['xent']))
    return params
