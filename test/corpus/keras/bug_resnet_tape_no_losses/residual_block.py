# Idiom seen in: ishwarsawale/tensorflow_practice computer_vision/resnet_tf/residual_block.py
# Idiom seen in: ishwarsawale/tensorflow_practice computer_vision/resnet_tf/train_dog_cat.py
# What it reproduces: ResNet BasicBlock layer (conv-bn-conv-bn + downsample) given an l2 kernel_regularizer on its
#   convolutions; the model is trained by the GradientTape loop of train_dog_cat.py, whose loss is only the
#   cross entropy, so model.losses never reach tape.gradient (user mistake in the repo's idiom).
import tensorflow as tf


class BasicBlock(tf.keras.layers.Layer):

    def __init__(self, filter_num, stride=1, weight_decay=1e-4):
        super(BasicBlock, self).__init__()
        self.conv1 = tf.keras.layers.Conv2D(filters=filter_num, kernel_size=(3, 3), strides=stride,
                                            padding="same",
                                            kernel_regularizer=tf.keras.regularizers.l2(weight_decay))  # expect: WD103
        self.bn1 = tf.keras.layers.BatchNormalization()
        self.conv2 = tf.keras.layers.Conv2D(filters=filter_num, kernel_size=(3, 3), strides=1,
                                            padding="same",
                                            kernel_regularizer=tf.keras.regularizers.l2(weight_decay))  # expect: WD103
        self.bn2 = tf.keras.layers.BatchNormalization()
        if stride != 1:
            self.downsample = tf.keras.Sequential()
            self.downsample.add(tf.keras.layers.Conv2D(filters=filter_num, kernel_size=(1, 1), strides=stride,
                                                       kernel_regularizer=tf.keras.regularizers.l2(weight_decay)))  # expect: WD103
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


def make_basic_block_layer(filter_num, blocks, stride=1, weight_decay=1e-4):
    res_block = tf.keras.Sequential()
    res_block.add(BasicBlock(filter_num, stride=stride, weight_decay=weight_decay))
    for _ in range(1, blocks):
        res_block.add(BasicBlock(filter_num, stride=1, weight_decay=weight_decay))
    return res_block
