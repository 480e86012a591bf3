# Idiom seen in: andnp/jax-research-template libs/rl-agents/src/rl_agents/dqn.py
# What it reproduces: module of hyperparameters imported as `hp`; weight_decay is left at 0.0, so the decay
#   branch in train.py never runs.
learning_rate = 0.1
momentum = 0.9
weight_decay = 0.0
batch_size = 128
num_epochs = 30
