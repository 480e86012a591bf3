# Idiom seen in: tum-pbs/PhiFlow phi/torch/nets.py
# What it reproduces: a PhiFlow learning script that picks its backend by a flag (phi.torch / phi.jax
#   flow modules, dense_net + update_weights). The project optimizer factory gives the torch branch
#   Adam(model.parameters(), weight_decay=...): coupled L2 under Adam, also on biases and BatchNorm.
#   The jax branch uses masked optax.adamw (fine). Realistic user code on top of the repo API.


def make_optimizer(net, backend, learning_rate, weight_decay):
    if backend == 'torch':
        import torch
        return torch.optim.Adam(
            net.parameters(),  # expect: WD203
            lr=learning_rate,
            weight_decay=weight_decay)  # expect: WD202
    elif backend == 'jax':
        import jax
        import optax
        return optax.adamw(learning_rate, weight_decay=weight_decay,
                           mask=lambda p: jax.tree_util.tree_map(lambda x: x.ndim > 1, p))
    raise ValueError(f"unknown backend {backend}")
