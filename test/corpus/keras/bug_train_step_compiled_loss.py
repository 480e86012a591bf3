# Idiom seen in: hjl150505/tfGatling src/functionalAPI/test20211107_13.py
# What it reproduces: the repo's CustomDense layer given a regularizer in add_weight, inside a model whose
#   train_step override computes self.compiled_loss(y, y_pred) without regularization_losses=self.losses:
#   fit() runs the override, so the kernel L2 never reaches the gradient (realistic user mistake).
import numpy as np
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers


class CustomDense(layers.Layer):
    def __init__(self, units=32, l2=1e-4):
        super(CustomDense, self).__init__()
        self.units = units
        self.l2 = l2

    def build(self, input_shape):
        self.w = self.add_weight(shape=(input_shape[-1], self.units), initializer="random_normal",
                                 regularizer=keras.regularizers.l2(self.l2),  # expect: WD103
                                 trainable=True)
        self.b = self.add_weight(shape=(self.units,), initializer="zeros", trainable=True)

    def call(self, inputs):
        return tf.matmul(inputs, self.w) + self.b


class CustomModel(keras.Model):
    def train_step(self, data):
        x, y = data
        with tf.GradientTape() as tape:
            y_pred = self(x, training=True)
            loss = self.compiled_loss(y, y_pred)
        gradients = tape.gradient(loss, self.trainable_variables)
        self.optimizer.apply_gradients(zip(gradients, self.trainable_variables))
        self.compiled_metrics.update_state(y, y_pred)
        return {m.name: m.result() for m in self.metrics}


inputs = keras.Input((4,))
hidden = tf.nn.relu(CustomDense(64)(inputs))
outputs = CustomDense(10)(hidden)
model = CustomModel(inputs, outputs)
model.compile(optimizer="sgd", loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True))
model.fit(np.random.random((256, 4)), np.random.randint(0, 10, (256,)), epochs=3)
