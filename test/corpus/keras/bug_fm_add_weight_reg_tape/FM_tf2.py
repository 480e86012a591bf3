# Idiom seen in: KrianJ/CtrEstimate models_tf2/FM.py
# What it reproduces: the tf.keras.Model wrapping FM_Layer, built with its w_reg/v_reg regularization factors.
import tensorflow as tf

from base_layer import FM_Layer


class FM(tf.keras.Model):
    def __init__(self, k, w_reg=1e-4, v_reg=1e-4):
        super(FM, self).__init__()
        self.fm = FM_Layer(k, w_reg, v_reg)

    def call(self, inputs, training=None, mask=None):
        return self.fm(inputs)
