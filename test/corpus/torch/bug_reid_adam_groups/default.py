# Idiom seen in: lulujianjie/person-reid-tiny-baseline config/default.py
# What it reproduces: the attribute-style DefaultConfig: OPTIMIZER 'Adam', BASE_LR 3.5e-4 and
#   WEIGHT_DECAY 5e-4 (an SGD-sized decay) that make_optimizer puts in every parameter's group.
class DefaultConfig:
    def __init__(self):
        self.PROJECT_NAME = 'person-reid-tiny-baseline'
        self.OUTPUT_DIR = "./output"
        self.MAX_EPOCHS = 200
        self.BATCH_SIZE = 64
        self.NUM_IMG_PER_ID = 4
        self.MODEL_NAME = "resnet50"
        self.LAST_STRIDE = 1
        self.LOSS_TYPE = 'triplet+softmax+center'

        # solver
        self.OPTIMIZER = 'Adam'
        self.BASE_LR = 0.00035
        self.CENTER_LOSS_WEIGHT = 0.0005
        self.WEIGHT_DECAY = 0.0005
        self.BIAS_LR_FACTOR = 1.0
        self.WEIGHT_DECAY_BIAS = 0.0005
        self.MOMENTUM = 0.9
        self.CENTER_LR = 0.5
        self.MARGIN = 0.3
        self.STEPS = [40, 70, 130]
        self.GAMMA = 0.1


class Config(DefaultConfig):
    def __init__(self):
        super(Config, self).__init__()
        self.CFG_NAME = 'baseline'
        self.DATA_DIR = '/nfs/public/datasets/person_reid/Market-1501-v15.09.15'
        self.PRETRAIN_CHOICE = 'imagenet'
