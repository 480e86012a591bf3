# Idiom seen in: wenjtop/image_classification classfication/optimizer/optim_factory.py
# What it reproduces: a timm-style create_optimizer() whose no-bias-decay groups are built only
# "if weight_decay and filter_bias_and_bn"; every call passes cfg.WEIGHT_DECAY = 0.0 (or 0.0
# literally), so the decay machinery is dead code and nothing is regularized.
MODEL = 'resnet50'
NUM_CLASSES = 100
EPOCHS = 90
BATCH_SIZE = 256
LR = 0.1
MOMENTUM = 0.9
WEIGHT_DECAY = 0.0
