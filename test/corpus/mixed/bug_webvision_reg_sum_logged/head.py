# Idiom seen in: shivgarg/webvision-video code/train.py
# Idiom seen in: shivgarg/webvision-video code/models.py
# Idiom seen in: shivgarg/webvision-video code/head.py
# What it reproduces: a TFBertModel-based video-step model whose Dense layers carry l2 kernel regularizers; the
#   tf.function train_step sums tf.add_n(model.losses) inside the tape but only logs it, and tape.gradient gets
#   the bare task loss (user change to the real loop).
import tensorflow as tf
from tensorflow.keras import Model
from tensorflow.keras.layers import Dense
from tensorflow.keras.regularizers import l2


class BertHead(Model):
    def __init__(self, l2_scale=1e-4):
        super(BertHead, self).__init__()
        self.fc1 = Dense(513 * 2, activation='relu', kernel_regularizer=l2(l2_scale))

    def call(self, x):
        x = self.fc1(x)
        return tf.reshape(x, [tf.shape(x)[0], tf.shape(x)[1], 513, 2])
