# Idiom seen in: TimeSeriesProject/tensorflow2x-learn apps/03-keras网络模型搭建/01-网络搭建/02-mnist_sequentail.py
# What it reproduces: the MNIST Sequential MLP with kernel_regularizer=tf.keras.regularizers.L2() trained by fit; this user
#   variant overrides train_step (to log the gradient norm) and computes self.compiled_loss(y, y_pred) without
#   regularization_losses=self.losses, so fit runs the override and the L2 terms never reach the gradient (WD103).
import tensorflow as tf
from tensorflow.keras.layers import Dense, Dropout, Flatten


class GradNormModel(tf.keras.Sequential):
    def __init__(self, layers=None, name=None):
        super().__init__(layers=layers, name=name)
        self.grad_norm = tf.keras.metrics.Mean(name='grad_norm')

    def train_step(self, data):
        x, y = data
        with tf.GradientTape() as tape:
            y_pred = self(x, training=True)
            loss = self.compiled_loss(y, y_pred)
        trainable_vars = self.trainable_variables
        gradients = tape.gradient(loss, trainable_vars)
        self.optimizer.apply_gradients(zip(gradients, trainable_vars))
        self.grad_norm.update_state(tf.linalg.global_norm(gradients))
        self.compiled_metrics.update_state(y, y_pred)
        return {m.name: m.result() for m in self.metrics}


def build_mlp():
    return GradNormModel([
        Flatten(input_shape=(28, 28)),
        Dense(128, activation='relu', kernel_regularizer=tf.keras.regularizers.L2()),  # expect: WD103
        Dropout(0.2),
        Dense(10, activation='softmax', kernel_regularizer=tf.keras.regularizers.L2(1e-3)),  # expect: WD103
    ], name='mnist_mlp')
