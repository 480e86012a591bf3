# Idiom seen in: sseung0703/CNN_via_Tensorflow2_low-level nets/ResNet.py
# What it reproduces: a subclassed Keras CNN whose conv/dense kernels carry l2(weight_decay); the terms land
#   in model.losses. op_util.py sums them but differentiates the bare loss (WD105 reported there).
import tensorflow as tf


class Model(tf.keras.Model):
    def __init__(self, weight_decay, num_class):
        super(Model, self).__init__()
        reg = tf.keras.regularizers.l2(weight_decay)
        self.convs = [tf.keras.layers.Conv2D(d, 3, padding='same', use_bias=False, kernel_regularizer=reg)
                      for d in (32, 64, 128)]
        self.bns = [tf.keras.layers.BatchNormalization() for _ in range(3)]
        self.fc = tf.keras.layers.Dense(num_class, kernel_regularizer=reg)

    def call(self, x, training=False):
        for conv, bn in zip(self.convs, self.bns):
            x = tf.nn.relu(bn(conv(x), training=training))
            x = tf.nn.max_pool2d(x, 2, 2, 'SAME')
        return self.fc(tf.reduce_mean(x, [1, 2]))
