# Idiom seen in: angrypark/korean-text-classification-tf models/TextCNN.py
# Idiom seen in: angrypark/korean-text-classification-tf base/base_model.py
# What it reproduces: a config-driven TextCNN (BaseModel template) that accumulates l2_loss of the
#   output W and b; the user split the loss to log its parts, scales the penalty by l2_reg_lambda
#   for a summary, but the train_step minimizes the bare cross entropy (user slip; the repo adds it).
import tensorflow as tf


class BaseModel:
    def __init__(self, config):
        self.config = config
        self.init_global_step()
        self.checkpoint_dir = "runs/{}/checkpoint/".format(self.config.name)

    def save(self, sess):
        self.saver.save(sess, self.checkpoint_dir, self.global_step_tensor)

    def load(self, sess):
        latest_checkpoint = tf.train.latest_checkpoint(self.checkpoint_dir)
        if latest_checkpoint:
            self.saver.restore(sess, latest_checkpoint)

    def init_global_step(self):
        with tf.variable_scope('global_step'):
            self.global_step_tensor = tf.Variable(0, trainable=False, name='global_step')

    def init_saver(self):
        raise NotImplementedError

    def build_model(self):
        raise NotImplementedError
