# Idiom seen in: HaiwenZhang/HSegmentation optimizer.py
# What it reproduces: a yacs-like config object feeding build_optimizer(config, model); the real repo
# built SGD without decay, here the user added weight_decay to one group of all parameters (BN and biases decay too).
class _Node(dict):
    def __getattr__(self, key):
        return self[key]


_C = _Node()
_C.TRAIN = _Node()
_C.TRAIN.base_lr = 0.01
_C.TRAIN.momentum = 0.9
_C.TRAIN.weight_decay = 1e-4
_C.TRAIN.epochs = 120
_C.TRAIN.batch_size = 8
_C.MODEL = _Node()
_C.MODEL.name = 'deeplabv3plus'
_C.MODEL.num_classes = 19


def get_config():
    return _C
