# Idiom seen in: hoel-bagard/Classification-TensorFlow2 src/layers/my_conv2D.py
# Idiom seen in: hoel-bagard/Classification-TensorFlow2 src/utils/trainer.py
# Idiom seen in: hoel-bagard/Classification-TensorFlow2 src/train.py
# What it reproduces: the real repository's bug: a custom MyConv2D layer builds its Conv2D with kernel_regularizer=l2(REG_FACTOR),
#   but the Trainer class trains with a GradientTape whose loss is self.loss_fn(y_true, y_pred) only: model.losses never added.
"""Model and training hyper-parameters."""


class ModelConfig:
    BATCH_SIZE = 64
    MAX_EPOCHS = 200
    LR = 1e-3
    REG_FACTOR = 0.005
    CHANNELS = [16, 32, 64, 128]
    SIZES = [3, 3, 3, 3]
    STRIDES = [2, 2, 2, 2]
