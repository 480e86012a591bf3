# Idiom seen in: xieliang555/Language-Modeling config.yaml
# Idiom seen in: xieliang555/Language-Modeling utils.py
# What it reproduces: the repo's nested config (data / model / training) wrapped in an AttrDict; the
#   training block is the repo's: plain SGD, lr 20, weight_decay 0, momentum 0.
class AttrDict(dict):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for key, value in self.items():
            if isinstance(value, dict):
                self[key] = AttrDict(value)
        self.__dict__ = self


CONFIG = {
    'data': {
        'BSZ': 32,
        'bptt_len': 35,
        'vocabSize': 28913,
        'data_root': '/home/user/Data',
        'save_root': '/home/user/Data/LM',
    },
    'model': {
        'rnn': {'nemd': 100, 'nhid': 256, 'nlayer': 2, 'drop_ratio': 0, 'tie_weight': False},
    },
    'training': {
        'model_type': 'rnn',
        'optim_type': 'sgd',
        'lr': 20,
        'weight_decay': 0,
        'momentum': 0,
        'grad_clip': 0.25,
        'lr_decay_factor': 4.0,
    },
}
config = AttrDict(CONFIG)
