# Idiom seen in: tum-pbs/PhiFlow phi/torch/nets.py
# What it reproduces: a PhiFlow learning script that picks its backend by a flag (phi.torch / phi.jax
#   flow modules, dense_net + update_weights). The project optimizer factory gives the torch branch
#   Adam(model.parameters(), weight_decay=...): coupled L2 under Adam, also on biases and BatchNorm.
#   The jax branch uses masked optax.adamw (fine). Realistic user code on top of the repo API.

BACKEND = 'torch'
LEARNING_RATE = 1e-3
WEIGHT_DECAY = 1e-4
LAYERS = [64, 64, 64]
BATCH_NORM = True
STEPS = 2000
