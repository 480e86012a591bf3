# Idiom seen in: jc-LeeHub/Recommend-System-tf2.0 FM/model.py
# Idiom seen in: jc-LeeHub/Recommend-System-tf2.0 FM/train.py
# What it reproduces: a factorization machine whose custom layer creates w and v with
#   add_weight(regularizer=l2(...)); train.py replaced model.fit by a GradientTape loop whose loss is
#   only the binary cross entropy, so model.losses never reaches tape.gradient (real repo bug).
import tensorflow as tf
import tensorflow.keras.backend as K


class FM_layer(tf.keras.layers.Layer):
    def __init__(self, k, w_reg, v_reg):
        super().__init__()
        self.k = k
        self.w_reg = w_reg
        self.v_reg = v_reg

    def build(self, input_shape):
        self.w0 = self.add_weight(name='w0', shape=(1,),
                                  initializer=tf.zeros_initializer(),
                                  trainable=True)
        self.w = self.add_weight(name='w', shape=(input_shape[-1], 1),
                                 initializer=tf.random_normal_initializer(),
                                 trainable=True,
                                 regularizer=tf.keras.regularizers.l2(self.w_reg))  # expect: WD103
        self.v = self.add_weight(name='v', shape=(input_shape[-1], self.k),
                                 initializer=tf.random_normal_initializer(),
                                 trainable=True,
                                 regularizer=tf.keras.regularizers.l2(self.v_reg))  # expect: WD103

    def call(self, inputs, **kwargs):
        if K.ndim(inputs) != 2:
            raise ValueError("Unexpected inputs dimensions %d, expect to be 2 dimensions" % K.ndim(inputs))
        linear_part = tf.matmul(inputs, self.w) + self.w0
        inter_part1 = tf.pow(tf.matmul(inputs, self.v), 2)
        inter_part2 = tf.matmul(tf.pow(inputs, 2), tf.pow(self.v, 2))
        inter_part = 0.5 * tf.reduce_sum(inter_part1 - inter_part2, axis=-1, keepdims=True)
        return tf.nn.sigmoid(linear_part + inter_part)


class FM(tf.keras.Model):
    def __init__(self, k, w_reg=1e-4, v_reg=1e-4):
        super().__init__()
        self.fm = FM_layer(k, w_reg, v_reg)

    def call(self, inputs, training=None, mask=None):
        return self.fm(inputs)
