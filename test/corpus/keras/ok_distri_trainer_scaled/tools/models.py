# Idiom seen in: eastjin218/simple_toy tfbp/tools/models.py
# Idiom seen in: eastjin218/simple_toy tfbp/tools/trainer.py
# What it reproduces: subclassed classifier (conv module, pooling, BN, dense) whose conv and dense layers
#   carry an L2 kernel regularizer given through the constructor; trained by tools/trainer.py's
#   DistriTrainer, whose per-replica loss adds tf.nn.scale_regularization_loss(model.losses). Clean.
import tensorflow as tf


class ConvModule(tf.keras.layers.Layer):
    def __init__(self, filters, kernel, strides, weight_decay):
        super().__init__()
        self.conv = tf.keras.layers.Conv2D(filters, kernel, strides=strides, padding="same", use_bias=False,
                                           kernel_regularizer=tf.keras.regularizers.l2(weight_decay))
        self.bn = tf.keras.layers.BatchNormalization()

    def call(self, x, training=False):
        return tf.nn.relu(self.bn(self.conv(x), training=training))


class ClsModel(tf.keras.Model):
    def __init__(self, input_dim, output_dim, weight_decay=5e-4):
        super().__init__()
        self.input_dim = input_dim
        self.conv1 = ConvModule(32, 3, 2, weight_decay)
        self.max1 = tf.keras.layers.MaxPooling2D(3)
        self.conv2 = tf.keras.layers.Conv2D(64, 3, activation="relu",
                                            kernel_regularizer=tf.keras.regularizers.l2(weight_decay))
        self.bn2 = tf.keras.layers.BatchNormalization()
        self.drop = tf.keras.layers.Dropout(0.3)
        self.flat = tf.keras.layers.Flatten()
        self.dense_1 = tf.keras.layers.Dense(output_dim, kernel_regularizer=tf.keras.regularizers.l2(weight_decay))

    def call(self, x, training=False):
        x = self.max1(self.conv1(x, training=training))
        x = self.drop(self.bn2(self.conv2(x), training=training), training=training)
        return self.dense_1(self.flat(x))
