# Idiom seen in: lefameuxbeding/learned_aggregation src/optimizers.py
# What it reproduces: a haiku task loss differentiated with jax.value_and_grad(..., has_aux=True); the L2
# weight penalty is computed but returned only inside the auxiliary metrics dict, so the gradient never sees
# it (user mistake in the repository's has_aux idiom).
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


def loss_with_state(params, state, key, batch):
    logits, new_state = net.apply(params, state, key, batch['image'], True)
    labels = jax.nn.one_hot(batch['label'], 10)
    xent = optax.softmax_cross_entropy(logits, labels).mean()
    l2 = WEIGHT_DECAY * 0.5 * sum(jnp.sum(jnp.square(w)) for w in jax.tree_util.tree_leaves(params))  # expect: WD104
    return xent, (new_state, {'l2': l2, 'xent': xent})


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
        batch = next(task.datasets.train)
        params, state, opt_state, l, metrics = update(params, state, opt_state, subkey, batch)
        if step % 100 == 0:
            print(step, float(l), float(metrics['l2']))
    return params
