# Idiom seen in: yuyun2000/tensorflow-kws model.py
# What it reproduces: small keyword-spotting CNN (subclassed tf.keras.Model, Conv2D/BatchNorm/Dense, no layer
#   regularizers); its decay comes from utils.l2_loss in the training step. Clean.
import tensorflow as tf
from tensorflow.keras import layers


class kwsmodel(tf.keras.Model):
    def __init__(self, dim0=4, num_classes=2):
        super(kwsmodel, self).__init__()
        self.conv1 = layers.Conv2D(8 * dim0, 3, padding='same', use_bias=False)
        self.bn1 = layers.BatchNormalization()
        self.conv2 = layers.Conv2D(16 * dim0, 3, strides=2, padding='same', use_bias=False)
        self.bn2 = layers.BatchNormalization()
        self.conv3 = layers.Conv2D(32 * dim0, 3, strides=2, padding='same', use_bias=False)
        self.bn3 = layers.BatchNormalization()
        self.pool = layers.GlobalAveragePooling2D()
        self.fc = layers.Dense(num_classes, activation='softmax')

    def call(self, x, training=None):
        x = tf.nn.relu(self.bn1(self.conv1(x), training=training))
        x = tf.nn.relu(self.bn2(self.conv2(x), training=training))
        x = tf.nn.relu(self.bn3(self.conv3(x), training=training))
        return self.fc(self.pool(x))
