# Idiom seen in: NVIDIA/DeepLearningExamples TensorFlow/Classification/ConvNets/model/resnet.py
# What it reproduces: the hooks module that only logs the loss tensors (the regularization sum is
#   read here, for printing, not for training).
import tensorflow as tf


def make_train_hooks(total_loss, cross_entropy, reg_loss, every_n_iter=100):
    tensors = {'total_loss': total_loss, 'cross_entropy': cross_entropy, 'reg_loss': reg_loss}
    return [tf.train.LoggingTensorHook(tensors, every_n_iter=every_n_iter),
            tf.train.StepCounterHook(every_n_steps=every_n_iter)]
