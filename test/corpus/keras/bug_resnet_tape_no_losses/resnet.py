# Idiom seen in: ishwarsawale/tensorflow_practice computer_vision/resnet_tf/resnet.py
# Idiom seen in: ishwarsawale/tensorflow_practice computer_vision/resnet_tf/residual_block.py
# What it reproduces: subclassed ResNet-18/34 built from BasicBlock layers; the stem conv and the classifier also
#   get an l2 kernel_regularizer from the weight_decay constructor argument (dead: see train_dog_cat.py).
import tensorflow as tf

from residual_block import make_basic_block_layer


class ResNetTypeI(tf.keras.Model):
    def __init__(self, layer_params, num_classes, weight_decay=1e-4):
        super(ResNetTypeI, self).__init__()
        self.conv1 = tf.keras.layers.Conv2D(filters=64, kernel_size=(7, 7), strides=2, padding="same",
                                            kernel_regularizer=tf.keras.regularizers.l2(weight_decay))  # expect: WD103
        self.bn1 = tf.keras.layers.BatchNormalization()
        self.pool1 = tf.keras.layers.MaxPool2D(pool_size=(3, 3), strides=2, padding="same")
        self.layer1 = make_basic_block_layer(64, layer_params[0], weight_decay=weight_decay)
        self.layer2 = make_basic_block_layer(128, layer_params[1], stride=2, weight_decay=weight_decay)
        self.layer3 = make_basic_block_layer(256, layer_params[2], stride=2, weight_decay=weight_decay)
        self.layer4 = make_basic_block_layer(512, layer_params[3], stride=2, weight_decay=weight_decay)
        self.avgpool = tf.keras.layers.GlobalAveragePooling2D()
        self.fc = tf.keras.layers.Dense(units=num_classes, activation=tf.keras.activations.softmax,
                                        kernel_regularizer=tf.keras.regularizers.l2(weight_decay))  # expect: WD103

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


def resnet_18(num_classes, weight_decay=1e-4):
    return ResNetTypeI(layer_params=[2, 2, 2, 2], num_classes=num_classes, weight_decay=weight_decay)


def resnet_34(num_classes, weight_decay=1e-4):
    return ResNetTypeI(layer_params=[3, 4, 6, 3], num_classes=num_classes, weight_decay=weight_decay)
