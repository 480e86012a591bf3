# Idiom seen in: andreineculai/MPC code/optimizers/optimizer_factory.py
# What it reproduces: config-driven optimizer factory (SGD with config.optimizer.weight_decay) and a train loop that
# also adds a hand-written L2 over model.parameters(): double decay (WD201), and the factory gets all parameters so
# biases/norms decay (WD203). Realistic user mistake in this idiom (the penalty kept from an older script).
from .optimizer_factory import optimizer_factory
