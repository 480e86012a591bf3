# Idiom seen in: chris4540/DD2412-adl-proj train_zeroshot.py
# What it reproduces: the pseudo-image generator of zero-shot knowledge transfer (no regularizers).
import tensorflow as tf
from tensorflow.keras import layers


class NavieGenerator(tf.keras.Model):
    def __init__(self, input_dim=100):
        super(NavieGenerator, self).__init__()
        self.fc = layers.Dense(128 * 8 * 8)
        self.bn0 = layers.BatchNormalization()
        self.up1 = layers.UpSampling2D()
        self.conv1 = layers.Conv2D(128, 3, padding='same')
        self.bn1 = layers.BatchNormalization()
        self.up2 = layers.UpSampling2D()
        self.conv2 = layers.Conv2D(64, 3, padding='same')
        self.bn2 = layers.BatchNormalization()
        self.conv3 = layers.Conv2D(3, 3, padding='same')
        self.bn3 = layers.BatchNormalization(center=False, scale=False)

    def call(self, z, training=False):
        x = tf.reshape(self.fc(z), [-1, 8, 8, 128])
        x = self.bn0(x, training=training)
        x = tf.nn.leaky_relu(self.bn1(self.conv1(self.up1(x)), training=training), 0.2)
        x = tf.nn.leaky_relu(self.bn2(self.conv2(self.up2(x)), training=training), 0.2)
        return self.bn3(self.conv3(x), training=training)
