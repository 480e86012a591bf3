# Idiom seen in: RiccardoBiondi/3DFemNet Model/model.py
# Idiom seen in: RiccardoBiondi/3DFemNet Network/layers.py
# Idiom seen in: RiccardoBiondi/3DFemNet Network/UNet3D.py
# What it reproduces: the repo's CustomModel.train_step, which passes regularization_losses=self.losses
# to compiled_loss, with Conv3D factories given kernel_regularizer=l2(weight_decay): the L2 terms are in
# the loss the tape differentiates (clean).
import tensorflow as tf
import tensorflow.keras as keras

'''
This module contains an implementation of the class Model, used to
build an architecture from a network of the module Network.
'''


class CustomModel(keras.Model):

    def train_step(self, data):
        x, y = data

        with tf.GradientTape() as tape:
            y_pred = self(x, training=True)
            loss = self.compiled_loss(y, y_pred, regularization_losses=self.losses)

        trainable_vars = self.trainable_variables
        gradients = tape.gradient(loss, trainable_vars)
        self.optimizer.apply_gradients(zip(gradients, trainable_vars))

        self.compiled_metrics.update_state(y, y_pred)
        return {m.name: m.result() for m in self.metrics}
