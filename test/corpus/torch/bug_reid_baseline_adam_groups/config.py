# Idiom seen in: occludedReIDICCV/HolisitcGuidanceOccReID solver/make_optimizer.py
# Idiom seen in: occludedReIDICCV/HolisitcGuidanceOccReID config/configs.py
# What it reproduces: reid-strong-baseline style optimizer: one param group per parameter, biases get
# WEIGHT_DECAY_BIAS (non-zero) and BN weights WEIGHT_DECAY, class looked up by cfg.OPTIMIZER = "Adam":
# coupled L2 under Adam on every group, biases and BN params decayed too.


class DefaultConfig(object):
    def __init__(self):
        self.CFG_NAME = 'default'
        self.DATA_DIR = '/data/Market-1501-v15.09.15'
        self.PRETRAIN_CHOICE = 'imagenet'
        self.PRETRAIN_PATH = '/pretrained/resnet50-19c8e357.pth'
        self.NUM_CLASSES = 751
        self.INPUT_SIZE = [256, 128]
        self.BATCH_SIZE = 64

        self.OPTIMIZER = 'Adam'
        self.BASE_LR = 3.5e-4
        self.BIAS_LR_FACTOR = 1
        self.WEIGHT_DECAY = 0.0005
        self.WEIGHT_DECAY_BIAS = 0.0005
        self.MOMENTUM = 0.9
        self.MAX_EPOCHS = 120
        self.LOG_PERIOD = 50


class Config(DefaultConfig):
    """
    mAP 85.9, Rank1 94.2 @ epoch 120
    """

    def __init__(self):
        super(Config, self).__init__()
        self.CFG_NAME = 'baseline'
        self.LOSS_TYPE = 'triplet+softmax'
        self.HARD_FACTOR = 0.2
        self.FLIP_FEATS = 'off'
