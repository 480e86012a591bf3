# Idiom seen in: unknow112/NSIETE-project-2019 discriminator.py
# What it reproduces: the SRGAN discriminator built from a conv lambda and a residual_block lambda; in this
#   variant the conv lambda carries an l2 kernel_regularizer, but gan.py's discriminator step never adds
#   self.d.losses, so these terms are dead (WD103 on the keyword).
import tensorflow.keras as keras
from tensorflow.keras.layers import Conv2D, Dense, LeakyReLU, BatchNormalization, Flatten
from tensorflow.keras.regularizers import l2

WEIGHT_DECAY = 1e-5


class Discriminator(keras.Model):
    def __init__(self):
        super(Discriminator, self).__init__()
        conv = lambda K, N, S: Conv2D(padding='same', filters=N, kernel_size=K, strides=S,
                                      kernel_regularizer=l2(WEIGHT_DECAY))  # expect: WD103
        residual_block = lambda *convargs: [conv(*convargs), BatchNormalization(), LeakyReLU(alpha=0.2)]
        self.model = [
            conv(3, 64, 1), LeakyReLU(alpha=0.2),
            *residual_block(3, 64, 2),
            *residual_block(3, 128, 1),
            *residual_block(3, 128, 2),
            *residual_block(3, 256, 1),
            *residual_block(3, 256, 2),
            *residual_block(3, 512, 1),
            *residual_block(3, 512, 2),
            Flatten(),
            Dense(1024), LeakyReLU(alpha=0.2),
            Dense(1),
        ]

    def call(self, x, training=False):
        for layer in self.model:
            x = layer(x, training=training) if isinstance(layer, BatchNormalization) else layer(x)
        return x
