# Idiom seen in: gt758215/DIGITS digits/tools/tensorflow/model.py (fork of NVIDIA/DIGITS: "use loss +
#   regularization loss instead of loss only")
# What it reproduces: DIGITS' multi-GPU tower builder after the fix: each tower sums its LOSSES with all
#   REGULARIZATION_LOSSES into tower_loss, and compute_gradients differentiates tower_loss over the loss's
#   variable list; tower gradients are averaged and applied once per loss.
# label-note: clean. The regularization terms are created once (first tower) and included, unscoped, in
#   every tower's tower_loss, so the averaged gradient carries the full decay.
import tensorflow as tf
from tensorflow.python.framework import ops
import utils as digits  # DIGITS helpers (GraphKeys, model_property, get_available_gpus), not in this folder
from utils import model_property


def average_gradients(tower_grads):
    with tf.name_scope('gradient_average'):
        average_grads = []
        for grad_and_vars in zip(*tower_grads):
            grad = tf.reduce_mean(tf.stack([g for g, _ in grad_and_vars], 0), 0)
            average_grads.append((grad, grad_and_vars[0][1]))
        return average_grads


class Model(object):
    def __init__(self, stage, croplen, nclasses, optimization=None, momentum=None):
        self.stage, self.croplen, self.nclasses = stage, croplen, nclasses
        self._optimization, self._momentum = optimization, momentum
        self.summaries, self.towers, self._train = [], [], None

    def create_model(self, obj_UserModel, stage_scope, batch_x, batch_y, input_shape):
        available_devices = digits.get_available_gpus() or ['/cpu:0']
        batch_x_split, batch_y_split = (tf.split(b, len(available_devices), 0) for b in (batch_x, batch_y))
        grad_towers = []
        for dev_i, dev_name in enumerate(available_devices):
            with tf.device(dev_name):
                with tf.name_scope('tower_%d' % dev_i) as scope_tower:
                    tower_model = obj_UserModel(batch_x_split[dev_i], batch_y_split[dev_i], input_shape,
                                                self.nclasses, self.stage == digits.STAGE_TRAIN, False)
                    self.towers.append(tower_model)
                    with tf.variable_scope(digits.GraphKeys.MODEL, reuse=dev_i > 0):
                        tower_model.inference  # touch to initialize
                        tf.get_variable_scope().reuse_variables()
                        with tf.name_scope(digits.GraphKeys.LOSS):
                            for loss in self.get_tower_losses(tower_model):
                                tf.add_to_collection(digits.GraphKeys.LOSSES, loss['loss'])
                            losses = tf.get_collection(digits.GraphKeys.LOSSES, scope=scope_tower)
                            losses += ops.get_collection(ops.GraphKeys.REGULARIZATION_LOSSES, scope=None)
                            tower_loss = tf.add_n(losses, name='loss')
                            self.summaries.append(tf.summary.scalar(tower_loss.op.name, tower_loss))
                        if self.stage == digits.STAGE_TRAIN:
                            grad_tower_losses = []
                            for loss in self.get_tower_losses(tower_model):
                                # use loss + regularization loss instead of loss only
                                grad_tower_loss = self.optimizer.compute_gradients(tower_loss, loss['vars'])
                                grad_tower_losses.append(tower_model.gradientUpdate(grad_tower_loss))
                            grad_towers.append(grad_tower_losses)
        if self.stage == digits.STAGE_TRAIN:
            n_gpus = len(available_devices)
            grad_averages = grad_towers[0] if n_gpus == 1 else [
                average_gradients([grad_towers[gpu][i] for gpu in range(n_gpus)]) for i in range(len(grad_towers[0]))]
            self._train = [self.optimizer.apply_gradients(g, global_step=self.global_step) for g in grad_averages]

    @model_property
    def global_step(self):
        with tf.device('/cpu:0'):
            return tf.train.get_or_create_global_step()

    @model_property
    def learning_rate(self):
        with tf.device('/cpu:0'):
            return tf.placeholder(tf.float32, shape=[], name='learning_rate')

    @model_property
    def optimizer(self):
        if self._optimization == 'momentum':
            return tf.train.MomentumOptimizer(learning_rate=self.learning_rate, momentum=self._momentum)
        return tf.train.GradientDescentOptimizer(learning_rate=self.learning_rate)

    def get_tower_losses(self, tower):
        if isinstance(tower.loss, list):
            return tower.loss
        return [{'loss': tower.loss, 'vars': tf.get_collection(tf.GraphKeys.TRAINABLE_VARIABLES)}]

