# Idiom seen in: morikatron/snippet jax_sample/mnist_sample_RMSProp.py
# What it reproduces: the hyper-parameters of the blog's RMSProp MNIST run kept as a module-level dict, with
#   a weight_decay entry that train.py feeds into optax.add_decayed_weights before optax.rmsprop.
CONFIG = {
    'batch_size': 512,
    'num_units': [64, 64],
    'num_epochs': 20,
    'learning_rate': 1e-3,
    'weight_decay': 1e-4,
    'seed': 1234,
}
