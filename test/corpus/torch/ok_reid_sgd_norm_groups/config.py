# Idiom seen in: occludedReIDICCV/HolisitcGuidanceOccReID solver/make_optimizer.py
# Idiom seen in: occludedReIDICCV/HolisitcGuidanceOccReID config/configs.py
# What it reproduces: per-parameter groups where biases and 1-d (norm) params get WEIGHT_DECAY_BIAS = 0.0,
# the rest WEIGHT_DECAY, and cfg.OPTIMIZER = "SGD" with momentum, lr*wd tiny: clean.


class DefaultConfig(object):
    def __init__(self):
        self.CFG_NAME = 'default'
        self.DATA_DIR = '/data/Occluded_Duke'
        self.NUM_CLASSES = 702
        self.OPTIMIZER = 'SGD'
        self.BASE_LR = 0.01
        self.BIAS_LR_FACTOR = 2
        self.WEIGHT_DECAY = 0.0005
        self.WEIGHT_DECAY_BIAS = 0.0
        self.MOMENTUM = 0.9
        self.MAX_EPOCHS = 60


class Config(DefaultConfig):
    def __init__(self):
        super(Config, self).__init__()
        self.CFG_NAME = 'occ_duke_sgd'
        self.LOSS_TYPE = 'softmax+triplet'
