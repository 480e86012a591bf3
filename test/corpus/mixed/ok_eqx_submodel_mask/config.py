# Idiom seen in: SimonKoop/common_jax_utils src/common_jax_utils/masks.py
# Idiom seen in: SimonKoop/common_jax_utils src/common_jax_utils/optimizer_factory.py
# What it reproduces: config module of an equinox model trained with optax.adamw whose decay is
#   restricted by a mask built with tree_map_with_path to the weight matrices; clean.
LEARNING_RATE = 1e-3
WEIGHT_DECAY = 5e-2
WIDTH = 256
NUM_STEPS = 20_000
BATCH_SIZE = 128
