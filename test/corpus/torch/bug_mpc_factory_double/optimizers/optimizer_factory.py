# Idiom seen in: andreineculai/MPC code/optimizers/optimizer_factory.py
# What it reproduces: config-driven optimizer factory (SGD with config.optimizer.weight_decay) and a train loop that
# also adds a hand-written L2 over model.parameters(): double decay (WD201), and the factory gets all parameters so
# biases/norms decay (WD203). Realistic user mistake in this idiom (the penalty kept from an older script).
from torch.optim import SGD


def optimizer_factory(config, params):
    if config.optimizer.name == 'sgd':
        return SGD(params, lr=config.optimizer.learning_rate, momentum=0.9,
                   weight_decay=config.optimizer.weight_decay)
    raise ValueError('unknown optimizer {}'.format(config.optimizer.name))
