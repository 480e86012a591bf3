# Idiom seen in: danijar/dreamerv3 dreamerv3/configs.yaml
# What it reproduces: the agent's optimizer settings of configs.yaml as a dict; wd is 0.0 for every run
# preset, so no Optimizer is ever built with decay.
CONFIG = {
    'batch_size': 16,
    'batch_length': 64,
    'agent': {
        'opt': {'lr': 4e-5, 'agc': 0.3, 'eps': 1e-20, 'beta1': 0.9, 'beta2': 0.999,
                'wd': 0.0, 'warmup': 1000},
        'loss_scales': {'rec': 1.0, 'rew': 1.0, 'con': 1.0, 'dyn': 1.0, 'rep': 0.1,
                        'policy': 1.0, 'value': 1.0},
    },
}
