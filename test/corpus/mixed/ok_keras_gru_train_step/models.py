# Idiom seen in: OlivierCodol/MotorNet motornet/nets/models.py (MotorNetModel(tf.keras.Model) overriding train_step, targets recomputed by the task after the forward pass)
# What it reproduces: the train_step override passes regularization_losses=self.losses to compiled_loss, so the GRU/readout L2 terms reach the gradient. Clean.
import json
import os

import tensorflow as tf


class ControllerModel(tf.keras.Model):
    def __init__(self, inputs, outputs, task, name='controller'):
        super().__init__(inputs=inputs, outputs=outputs, name=name)
        self.task = task

    def train_step(self, data):
        x, y = data
        with tf.GradientTape() as tape:
            y_pred = self(x, training=True)
            if self.task.do_recompute_targets:
                y = self.task.recompute_targets(x, y, y_pred)
            loss = self.compiled_loss(y, y_pred, regularization_losses=self.losses)
        trainable_vars = self.trainable_variables
        gradients = tape.gradient(loss, trainable_vars)
        self.optimizer.apply_gradients(zip(gradients, trainable_vars))
        self.compiled_metrics.update_state(y, y_pred)
        return {m.name: m.result() for m in self.metrics}

    def save_model(self, path):
        cfg = {'Task': self.task.get_save_config(),
               'Network': self.task.network.get_save_config()}
        if os.path.isfile(path + '.json'):
            raise ValueError('Configuration file already exists')
        with open(path + '.json', 'w+') as f:
            json.dump(cfg, f)
