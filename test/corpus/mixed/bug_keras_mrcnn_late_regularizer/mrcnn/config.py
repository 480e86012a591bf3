# Idiom seen in: matterport/Mask_RCNN mrcnn/config.py
# What it reproduces: the base Config class whose WEIGHT_DECAY, LEARNING_RATE and momentum are read by MaskRCNN.compile(); subclasses override class attributes.
class Config(object):
    NAME = None
    GPU_COUNT = 1
    IMAGES_PER_GPU = 2
    STEPS_PER_EPOCH = 1000
    VALIDATION_STEPS = 50
    BACKBONE_DEPTH = 256
    RPN_ANCHOR_STRIDE = 1
    RPN_ANCHOR_RATIOS = [0.5, 1, 2]
    NUM_CLASSES = 1
    LEARNING_RATE = 0.001
    LEARNING_MOMENTUM = 0.9
    WEIGHT_DECAY = 0.0001
    GRADIENT_CLIP_NORM = 5.0
    LOSS_WEIGHTS = {
        "rpn_class_loss": 1.,
        "rpn_bbox_loss": 1.,
    }

    def __init__(self):
        self.BATCH_SIZE = self.IMAGES_PER_GPU * self.GPU_COUNT
