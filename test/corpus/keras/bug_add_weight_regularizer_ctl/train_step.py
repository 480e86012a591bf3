# Idiom seen in: oblivisheee/novelsdreamer-ru-t4m-train-example modules/train_step.py
# What it reproduces: an Epoch helper whose tf.function train_step minimises only loss_object(...);
#   self.model.losses (the add_weight regularizers) is never added.
# label-note: the WD103 label sits on regularization.py's regularizer argument.
import tensorflow as tf


class Epoch:
    def __init__(self, model, optimizer, metrics, loss_object):
        self.model = model
        self.optimizer = optimizer
        self.metrics = metrics
        self.loss_object = loss_object

    @tf.function
    def train_step(self, inp, tar):
        with tf.GradientTape() as tape:
            predictions = self.model(inp, training=True)
            loss = self.loss_object(tar, predictions)
        gradients = tape.gradient(loss, self.model.trainable_variables)
        self.optimizer.apply_gradients(zip(gradients, self.model.trainable_variables))
        for metric in self.metrics:
            metric.update_state(tar, predictions)
        return loss

    def run(self, dataset):
        for inp, tar in dataset:
            loss = self.train_step(inp, tar)
        return {m.name: m.result() for m in self.metrics}, loss
