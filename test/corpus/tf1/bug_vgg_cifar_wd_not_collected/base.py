# Idiom seen in: conan7882/VGG-cifar src/nets/base.py
# What it reproduces: the BaseModel whose get_train_op differentiates get_loss() with tf.gradients and
#   applies the gradients; whatever _get_loss returns is what is trained.
import tensorflow as tf


class BaseModel(object):
    """ Base model """

    def set_is_training(self, is_training=True):
        self.is_training = is_training

    def get_loss(self):
        try:
            return self._loss
        except AttributeError:
            self._loss = self._get_loss()
        return self._loss

    def _get_loss(self):
        raise NotImplementedError()

    def get_optimizer(self):
        try:
            return self._opt
        except AttributeError:
            self._opt = self._get_optimizer()
        return self._opt

    def _get_optimizer(self):
        raise NotImplementedError()

    def get_train_op(self):
        with tf.name_scope('train'):
            opt = self.get_optimizer()
            loss = self.get_loss()
            var_list = tf.trainable_variables()
            grads = tf.gradients(loss, var_list)
            update_ops = tf.get_collection(tf.GraphKeys.UPDATE_OPS)
            with tf.control_dependencies(update_ops):
                train_op = opt.apply_gradients(zip(grads, var_list))
            return train_op
