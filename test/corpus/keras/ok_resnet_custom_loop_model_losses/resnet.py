# Idiom seen in: calmisential/TensorFlow2.0_ResNet models/residual_block.py
# Idiom seen in: calmisential/TensorFlow2.0_ResNet models/resnet.py
# Idiom seen in: calmisential/TensorFlow2.0_ResNet train.py
# What it reproduces: the repo's subclassed ResNet with kernel_regularizer=l2(config.WEIGHT_DECAY) on its
# convs and classifier; the @tf.function train_step adds tf.add_n(model.losses) to the cross entropy
# inside the tape before tape.gradient (clean).
import tensorflow as tf
from config import NUM_CLASSES, WEIGHT_DECAY
from residual_block import make_basic_block_layer


class ResNetTypeI(tf.keras.Model):
    def __init__(self, layer_params):
        super(ResNetTypeI, self).__init__()
        self.conv1 = tf.keras.layers.Conv2D(filters=64,
                                            kernel_size=(7, 7),
                                            strides=2,
                                            padding="same",
                                            kernel_regularizer=tf.keras.regularizers.l2(WEIGHT_DECAY))
        self.bn1 = tf.keras.layers.BatchNormalization()
        self.pool1 = tf.keras.layers.MaxPool2D(pool_size=(3, 3), strides=2, padding="same")
        self.layer1 = make_basic_block_layer(filter_num=64, blocks=layer_params[0])
        self.layer2 = make_basic_block_layer(filter_num=128, blocks=layer_params[1], stride=2)
        self.layer3 = make_basic_block_layer(filter_num=256, blocks=layer_params[2], stride=2)
        self.layer4 = make_basic_block_layer(filter_num=512, blocks=layer_params[3], stride=2)
        self.avgpool = tf.keras.layers.GlobalAveragePooling2D()
        self.fc = tf.keras.layers.Dense(units=NUM_CLASSES, activation=tf.keras.activations.softmax,
                                        kernel_regularizer=tf.keras.regularizers.l2(WEIGHT_DECAY))

    def call(self, inputs, training=None, mask=None):
        x = self.conv1(inputs)
        x = self.bn1(x, training=training)
        x = tf.nn.relu(x)
        x = self.pool1(x)
        x = self.layer1(x, training=training)
        x = self.layer2(x, training=training)
        x = self.layer3(x, training=training)
        x = self.layer4(x, training=training)
        x = self.avgpool(x)
        return self.fc(x)


def resnet_18():
    return ResNetTypeI(layer_params=[2, 2, 2, 2])


def resnet_34():
    return ResNetTypeI(layer_params=[3, 4, 6, 3])
