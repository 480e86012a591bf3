# Idiom seen in: zakizhou/mnist_input_pipeline mnist.py
# Idiom seen in: hellochick/ICNet-tensorflow train.py
# What it reproduces: hyper-parameter module imported with `from params import *`; both decay
#   constants are switched off (None / 0.0), so the decay helper in layers.py never decays anything.
BATCH_SIZE = 8
NUM_CLASSES = 21
LEARNING_RATE = 1e-4
MOMENTUM = 0.9
CONV_WEIGHT_DECAY = None
SCORE_WEIGHT_DECAY = 0.0
MAX_STEPS = 40000
