# Idiom seen in: daigo0927/compare-deeplibs keras/model.py
# Idiom seen in: daigo0927/compare-deeplibs keras/train_tf.py
# What it reproduces: the repo's ResBlock layer / ResNet-mini Sequential with the l2 kernel regularizers a user adds
#   (weight_decay argument); keras/train.py trains it with fit (fine), keras/train_tf.py with a GradientTape loop
#   whose loss is the bare cross entropy, so that script trains without the decay (a realistic mistake).
import tensorflow as tf
from tensorflow.keras import layers, regularizers


class ResBlock(layers.Layer):
    def __init__(self, filters, strides=1, weight_decay=5e-4):
        super(ResBlock, self).__init__()
        self.strides = strides
        self.conv0 = layers.Conv2D(filters, 3, strides, 'same',
                                   kernel_regularizer=regularizers.l2(weight_decay))  # expect: WD103
        self.conv1 = layers.Conv2D(filters, 3, 1, 'same',
                                   kernel_regularizer=regularizers.l2(weight_decay))  # expect: WD103
        self.bn0 = layers.BatchNormalization()
        self.bn1 = layers.BatchNormalization()
        if strides != 1:
            self.convsc = layers.Conv2D(filters, 1, strides, kernel_regularizer=regularizers.l2(weight_decay))  # expect: WD103
            self.bnsc = layers.BatchNormalization()

    def call(self, x, training=None):
        fx = tf.nn.relu(self.bn0(self.conv0(x), training=training))
        fx = self.bn1(self.conv1(fx), training=training)
        if self.strides != 1:
            x = self.bnsc(self.convsc(x), training=training)
        return tf.nn.relu(x + fx)


def get_resnet_mini(input_shape, num_classes, weight_decay=5e-4):
    return tf.keras.Sequential([
        tf.keras.Input(shape=input_shape),
        layers.Conv2D(64, 7, 2, 'same', kernel_regularizer=regularizers.l2(weight_decay)),  # expect: WD103
        layers.BatchNormalization(),
        layers.Activation('relu'),
        layers.MaxPool2D((3, 3), (2, 2), 'same'),
        ResBlock(64, weight_decay=weight_decay),
        ResBlock(64, weight_decay=weight_decay),
        ResBlock(128, strides=2, weight_decay=weight_decay),
        ResBlock(128, weight_decay=weight_decay),
        ResBlock(256, strides=2, weight_decay=weight_decay),
        layers.GlobalAveragePooling2D(),
        layers.Dense(num_classes, kernel_regularizer=regularizers.l2(weight_decay)),  # expect: WD103
    ])
