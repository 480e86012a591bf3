# Idiom seen in: KrianJ/CtrEstimate models_tf2/base_layer.py
# What it reproduces: a Factorization Machine layer whose linear weights w and latent vectors v are created with
#   self.add_weight(..., regularizer=tf.keras.regularizers.l2(...)); the terms land in model.losses, which the custom
#   GradientTape loop in predict_fm_tf2.py never adds (the repo's bug).
import tensorflow as tf
import tensorflow.keras.backend as K


class FM_Layer(tf.keras.layers.Layer):
    def __init__(self, k, w_reg, v_reg):
        super(FM_Layer, self).__init__()
        self.k = k            # 隐向量v的维度
        self.w_reg = w_reg    # 权重w的正则项系数
        self.v_reg = v_reg    # 隐向量v的正则项系数

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
            raise ValueError("Unexpected inputs dimension {}, dim 2 required".format(K.ndim(inputs)))
        linear_part = tf.matmul(inputs, self.w) + self.w0
        cross_part_1 = tf.pow(tf.matmul(inputs, self.v), 2)
        cross_part_2 = tf.matmul(tf.pow(inputs, 2), tf.pow(self.v, 2))
        cross_part = 1 / 2 * tf.reduce_sum(cross_part_1 - cross_part_2, axis=-1, keepdims=True)
        return tf.nn.sigmoid(linear_part + cross_part)
