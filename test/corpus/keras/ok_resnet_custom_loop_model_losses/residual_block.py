# Idiom seen in: calmisential/TensorFlow2.0_ResNet models/residual_block.py
# Idiom seen in: calmisential/TensorFlow2.0_ResNet models/resnet.py
# Idiom seen in: calmisential/TensorFlow2.0_ResNet train.py
# What it reproduces: the repo's subclassed ResNet with kernel_regularizer=l2(config.WEIGHT_DECAY) on its
# convs and classifier; the @tf.function train_step adds tf.add_n(model.losses) to the cross entropy
# inside the tape before tape.gradient (clean).
import tensorflow as tf
from config import WEIGHT_DECAY


class BasicBlock(tf.keras.layers.Layer):

    def __init__(self, filter_num, stride=1):
        super(BasicBlock, self).__init__()
        self.conv1 = tf.keras.layers.Conv2D(filters=filter_num,
                                            kernel_size=(3, 3),
                                            strides=stride,
                                            padding="same",
                                            kernel_regularizer=tf.keras.regularizers.l2(WEIGHT_DECAY))
        self.bn1 = tf.keras.layers.BatchNormalization()
        self.conv2 = tf.keras.layers.Conv2D(filters=filter_num,
                                            kernel_size=(3, 3),
                                            strides=1,
                                            padding="same",
                                            kernel_regularizer=tf.keras.regularizers.l2(WEIGHT_DECAY))
        self.bn2 = tf.keras.layers.BatchNormalization()
        if stride != 1:
            self.downsample = tf.keras.Sequential()
            self.downsample.add(tf.keras.layers.Conv2D(filters=filter_num,
                                                       kernel_size=(1, 1),
                                                       strides=stride,
                                                       kernel_regularizer=tf.keras.regularizers.l2(WEIGHT_DECAY)))
            self.downsample.add(tf.keras.layers.BatchNormalization())
        else:
            self.downsample = lambda x: x

    def call(self, inputs, training=None, **kwargs):
        residual = self.downsample(inputs)
        x = self.conv1(inputs)
        x = self.bn1(x, training=training)
        x = tf.nn.relu(x)
        x = self.conv2(x)
        x = self.bn2(x, training=training)
        return tf.nn.relu(tf.keras.layers.add([residual, x]))


def make_basic_block_layer(filter_num, blocks, stride=1):
    res_block = tf.keras.Sequential()
    res_block.add(BasicBlock(filter_num, stride=stride))
    for _ in range(1, blocks):
        res_block.add(BasicBlock(filter_num, stride=1))
    return res_block
