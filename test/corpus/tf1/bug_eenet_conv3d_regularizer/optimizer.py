# Idiom seen in: neuro-ml/deep_pipe projects/brats2017/models_tf/eenet.py
# Idiom seen in: neuro-ml/deep_pipe projects/brats2017/models_tf/model_controller.py
# Idiom seen in: neuro-ml/deep_pipe projects/brats2017/models_tf/modules/optimizer.py
# What it reproduces: a BraTS 3D segmentation net whose conv helper got kernel_regularizer=l2_regularizer(wd) (user
#   variant); the model loss is tf.losses.sparse_softmax_cross_entropy only and slim.learning.create_train_op
#   trains that tensor as given, so REGULARIZATION_LOSSES are never added: the decay is dead (WD102).
import tensorflow as tf
import tensorflow.contrib.slim as slim


class Optimizer:
    def __init__(self, loss):
        self.lr = tf.placeholder(tf.float32, name='learning_rate')
        with tf.variable_scope('optimization'):
            opt = tf.train.MomentumOptimizer(self.lr, 0.9, use_nesterov=True)
            self.train_op = slim.learning.create_train_op(loss, opt)
