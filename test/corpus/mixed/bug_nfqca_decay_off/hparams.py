# Idiom seen in: Pkay449/Self-Schedule_Bidding src/Sequential_NFQCA/utils/optimizers.py
# What it reproduces: NFQCA (neural fitted Q with continuous actions) in JAX/flax, get_optimizer()
#   returning optax.adam. A decay step is guarded by `if hp.weight_decay:` but the hyperparameter
#   module sets weight_decay = 0.0 and nothing overrides it, so the decay code is dead.

learning_rate_q = 1e-3
learning_rate_pi = 1e-4
weight_decay = 0.0
tau = 0.005
gamma = 0.99
batch_size = 256
n_iterations = 500
