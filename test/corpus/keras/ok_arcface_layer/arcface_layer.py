# Idiom seen in: Mkolahdoozi/ArcFace ArcFaceLayer.py
# Idiom seen in: Mkolahdoozi/ArcFace ArcFace.py
# Idiom seen in: Mkolahdoozi/ArcFace README.md
# What it reproduces: ArcFace head as a Keras layer whose class-centre matrix is made with add_weight(regularizer=l2),
#   an embedding Dense with kernel_regularizer, and a train_step override that adds tf.math.add_n(self.losses) to the
#   ArcFace loss inside the tape, as the repo README prescribes for custom loops (clean).
from math import pi

import tensorflow as tf
from tensorflow import keras


class ArcFaceLayer(keras.layers.Layer):
    def __init__(self, num_classes, weight_decay=5e-4, **kwargs):
        super(ArcFaceLayer, self).__init__(**kwargs)
        self.num_classes = num_classes
        self.weight_decay = weight_decay

    def build(self, input_shape):
        self.W = self.add_weight(shape=(input_shape[-1], self.num_classes), trainable=True,
                                 initializer='glorot_normal', name='centres',
                                 regularizer=keras.regularizers.l2(self.weight_decay))

    def call(self, inputs):
        W = tf.math.l2_normalize(self.W, axis=0)
        x = tf.math.l2_normalize(inputs, axis=-1)
        return tf.linalg.matmul(x, W)  # cos(theta), shape (batch, num_classes)


class ArcFaceLoss(keras.losses.Loss):
    def __init__(self, margin=0.5, s=64.0, num_classes=10, **kwargs):
        super(ArcFaceLoss, self).__init__(**kwargs)
        self.margin = margin
        self.s = s
        self.num_classes = num_classes

    def call(self, y_true, cos_theta):
        y_true = tf.one_hot(tf.cast(tf.reshape(y_true, [-1]), tf.int32), self.num_classes)
        sin_theta = tf.sqrt(tf.clip_by_value(1.0 - tf.square(cos_theta), 0.0, 1.0))
        phi = cos_theta * tf.math.cos(self.margin) - sin_theta * tf.math.sin(self.margin)
        threshold = tf.math.cos(pi - self.margin)
        phi = tf.where(cos_theta > threshold, phi, cos_theta - tf.math.sin(pi - self.margin) * self.margin)
        logits = self.s * (y_true * phi + (1.0 - y_true) * cos_theta)
        return tf.nn.softmax_cross_entropy_with_logits(labels=y_true, logits=logits)
