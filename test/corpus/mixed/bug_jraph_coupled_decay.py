# Idiom seen in: google-deepmind/jraph jraph/ogb_examples/train.py
# What it reproduces: a Haiku + jraph graph network (GraphNetwork over a GraphsTuple) trained with optax; the
# repo uses plain optax.adam. User mistake: L2 "like PyTorch's Adam(weight_decay)" chained BEFORE adam, unmasked:
# coupled decay divided by sqrt(v), on every bias and LayerNorm scale too.
import functools

import haiku as hk
import jax
import jax.numpy as jnp
import jraph
import optax
from absl import app, flags

import input_pipeline

flags.DEFINE_string('data_path', None, 'Directory of the ogbg-molhiv data.')
flags.DEFINE_float('learning_rate', 1e-4, 'Learning rate.')
flags.DEFINE_float('weight_decay', 5e-4, 'L2 regularization.')
flags.DEFINE_integer('num_training_steps', 100000, 'Number of training steps.')
FLAGS = flags.FLAGS


@jraph.concatenated_args
def edge_update_fn(feats):
    net = hk.Sequential([hk.Linear(128), jax.nn.relu, hk.Linear(128), hk.LayerNorm(-1, True, True)])
    return net(feats)


@jraph.concatenated_args
def node_update_fn(feats):
    net = hk.Sequential([hk.Linear(128), jax.nn.relu, hk.Linear(128), hk.LayerNorm(-1, True, True)])
    return net(feats)


@jraph.concatenated_args
def update_global_fn(feats):
    return hk.Sequential([hk.Linear(128), jax.nn.relu, hk.Linear(1)])(feats)


def net_fn(graph: jraph.GraphsTuple) -> jraph.GraphsTuple:
    embedder = jraph.GraphMapFeatures(hk.Linear(128), hk.Linear(128), hk.Linear(128))
    net = jraph.GraphNetwork(update_node_fn=node_update_fn, update_edge_fn=edge_update_fn,
                             update_global_fn=update_global_fn)
    return net(embedder(graph))


def compute_loss(params, graph, label, net):
    pred_graph = net.apply(params, graph)
    preds = jax.nn.log_sigmoid(pred_graph.globals)
    targets = jnp.concatenate([label, 1 - label], axis=-1)
    log_p = jnp.concatenate([preds, jax.nn.log_sigmoid(-pred_graph.globals)], axis=-1)
    mask = jraph.get_graph_padding_mask(pred_graph)
    loss = -jnp.sum(log_p * targets, axis=-1)
    return jnp.sum(jnp.where(mask, loss, 0)) / jnp.sum(mask)


def train(data_path, num_training_steps):
    reader = input_pipeline.DataReader(data_path=data_path, master_csv_path='master.csv', split='train')
    net = hk.without_apply_rng(hk.transform(net_fn))
    graph = reader.get_graph_by_idx(0)
    params = net.init(jax.random.PRNGKey(42), graph['input_graph'])
    opt = optax.chain(
        optax.add_decayed_weights(FLAGS.weight_decay),  # expect: WD202, WD203
        optax.adam(FLAGS.learning_rate),
    )
    opt_state = opt.init(params)
    compute_loss_fn = jax.jit(functools.partial(compute_loss, net=net))
    grad_fn = jax.jit(jax.value_and_grad(compute_loss_fn))
    for idx in range(num_training_steps):
        batch = next(reader)
        loss, grad = grad_fn(params, batch['padded_graph'], batch['label'])
        updates, opt_state = opt.update(grad, opt_state, params)
        params = optax.apply_updates(params, updates)
        if idx % 100 == 0:
            print(f'step: {idx}, loss: {loss}')
    return params


def main(_):
    train(FLAGS.data_path, FLAGS.num_training_steps)


if __name__ == '__main__':
    app.run(main)
