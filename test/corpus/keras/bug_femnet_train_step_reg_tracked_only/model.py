# Idiom seen in: RiccardoBiondi/3DFemNet Model/model.py
# Idiom seen in: RiccardoBiondi/3DFemNet Network/layers.py
# Idiom seen in: RiccardoBiondi/3DFemNet Network/UNet3D.py
# What it reproduces: the repo's CustomModel.train_step with Conv3D factories given kernel_regularizer
# (a user addition); the step sums self.losses into a tracked metric but (a user mistake; the repo passes
# regularization_losses=self.losses) differentiates compiled_loss(y, y_pred) without it.
import tensorflow as tf
import tensorflow.keras as keras

'''
This module contains an implementation of the class Model, used to
build an architecture from a network of the module Network.
'''


class CustomModel(keras.Model):

    def __init__(self, *args, **kwargs):
        super(CustomModel, self).__init__(*args, **kwargs)
        self.reg_tracker = keras.metrics.Mean(name='l2_reg')

    def train_step(self, data):
        x, y = data

        with tf.GradientTape() as tape:
            y_pred = self(x, training=True)
            loss = self.compiled_loss(y, y_pred)
            reg_loss = tf.add_n(self.losses)  # expect: WD105

        trainable_vars = self.trainable_variables
        gradients = tape.gradient(loss, trainable_vars)
        self.optimizer.apply_gradients(zip(gradients, trainable_vars))

        self.reg_tracker.update_state(reg_loss)
        self.compiled_metrics.update_state(y, y_pred)
        logs = {m.name: m.result() for m in self.metrics}
        logs['l2_reg'] = self.reg_tracker.result()
        return logs
