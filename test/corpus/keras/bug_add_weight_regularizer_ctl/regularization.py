# Idiom seen in: oblivisheee/novelsdreamer-ru-t4m-train-example modules/regularization.py
# What it reproduces: a custom Keras layer whose kernel is created by add_weight(..., regularizer=l1_l2(...));
#   the penalty only exists in layer.losses / model.losses.
# label-note: WD103 on the regularizer argument of add_weight: the model is trained by train_step.py's
#   custom GradientTape loop, whose loss never includes model.losses. It is a TF2 Keras layer, so WD103, not WD102.
import tensorflow as tf
from tensorflow.keras import regularizers


class RegularizedDenseLayer(tf.keras.layers.Layer):
    def __init__(self, units, l1=0.001, l2=0.001, **kwargs):
        super().__init__(**kwargs)
        self.units = units
        self.l1 = l1
        self.l2 = l2

    def build(self, input_shape):
        self.w = self.add_weight(shape=(input_shape[-1], self.units),
                                 initializer='he_uniform',
                                 trainable=True,
                                 regularizer=regularizers.l1_l2(l1=self.l1, l2=self.l2))  # expect: WD103
        self.b = self.add_weight(shape=(self.units,), initializer='zeros', trainable=True)

    def call(self, inputs):
        return tf.matmul(inputs, self.w) + self.b
