# Idiom seen in: polghskggh/model_based src/pod/hyperparameters.py
# What it reproduces: nested hyperparameter dict for a flax model-based RL project. The critic
#   trainer both adds an explicit tree_map L2 term to its loss and uses optax.adamw(weight_decay=...)
#   without a mask, so the same params are decayed twice (and biases decayed). Realistic user mistake.

hyperparameters = {
    'world': {
        'deterministic_lr': 0.0001,
        'batch_size': 32,
    },
    'dqn': {
        'batch_size': 100,
        'discount_factor': 0.95,
        'polyak': 0.995,
    },
    'critic': {
        'lr': 3e-4,
        'weight_decay': 1e-2,
        'l2_reg': 1e-4,
        'hidden': (256, 256),
    },
    'rng': {'params': 0, 'dropout': 0},
    'save_path': '/tmp/flax_ckpt',
}
