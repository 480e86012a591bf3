# Idiom seen in: CrawlScript/jax-gnn demo/demo_gcn.py
# What it reproduces: Cora node classification with a two-layer GCN in Flax: module-level hyper-parameters
#   (learning_rate 1e-2, l2_coef 5e-4), optax.adam without decay, and a compute_loss that adds
#   l2_coef * sum(0.5 * (kernel ** 2).sum()) over the parameters whose name contains "kernel".
# label-note: clean. The explicit L2 reaches value_and_grad (it is part of the returned loss), covers the GCN kernels
#   only (the "bias" leaves are skipped), and the optimizer adds no decay of its own (no WD201/WD202/WD203).
import flax.linen
import jax
import jax.numpy as jnp
import optax

from jax_gnn.datasets import CoraDataset
from jax_gnn.nn.gcn import GCN, gcn_norm
from jax_gnn.utils.jax_utils import find_params_by_name

graph, (train_index, valid_index, test_index) = CoraDataset().load_data()
seed = 100
learning_rate = 1e-2
l2_coef = 5e-4
drop_rate = 0.1
num_classes = int(jnp.max(graph.y)) + 1
dropout_rng = jax.random.PRNGKey(seed + 1)
cache = {"norm": gcn_norm(graph.edge_index, graph.x.shape[0])}


class GCNModel(flax.linen.Module):
    def setup(self):
        self.dropout = flax.linen.Dropout(drop_rate)
        self.gcn0 = GCN(16, activation=jax.nn.relu)
        self.gcn1 = GCN(num_classes)

    def __call__(self, x, edge_index, training=False, cache=None):
        h = self.dropout(x, deterministic=not training)
        h = self.gcn0(h, edge_index, cache=cache)
        h = self.dropout(h, deterministic=not training)
        return self.gcn1(h, edge_index, cache=cache)


model = GCNModel()
params = model.init(jax.random.PRNGKey(seed), graph.x, graph.edge_index)
optimizer = optax.adam(learning_rate=learning_rate)


def compute_loss(params, mask_index, training=False):
    logits = model.apply(params, graph.x, graph.edge_index, cache=cache, rngs={"dropout": dropout_rng},
                         training=training)
    cls_loss = optax.softmax_cross_entropy(logits[mask_index], jax.nn.one_hot(graph.y[mask_index], num_classes)).mean()
    kernel_vars = find_params_by_name(params["params"], lambda name: "kernel" in name)
    l2_loss = sum(0.5 * (kernel_var ** 2).sum() for kernel_var in kernel_vars)
    return cls_loss + l2_loss * l2_coef


@jax.jit
def evaluate(params, mask_index):
    logits = model.apply(params, graph.x, graph.edge_index, cache=cache)
    return (jnp.argmax(logits[mask_index], axis=-1) == graph.y[mask_index]).astype(jnp.float32).mean()


def fit(params, optimizer: optax.GradientTransformation, epochs=400):
    opt_state = optimizer.init(params)

    @jax.jit
    def step(params, opt_state):
        loss, grads = jax.value_and_grad(compute_loss)(params, train_index, training=True)
        updates, opt_state = optimizer.update(grads, opt_state, params)
        return optax.apply_updates(params, updates), opt_state, loss

    for epoch in range(epochs):
        params, opt_state, loss = step(params, opt_state)
        print(epoch, "loss:", float(loss), "accuracy:", float(evaluate(params, test_index)))
    return params


fit(params, optimizer)
