# Idiom seen in: NVIDIA/DeepLearningExamples TensorFlow/Classification/ConvNets/model/resnet.py
# What it reproduces: the runner that wraps the model object into tf.estimator.Estimator and trains it
#   with logging hooks; the decay lives in the model_fn's total_loss. Clean.
import tensorflow as tf

from model.resnet import ResnetModel
from dataloader import get_input_fn


class Runner(object):

    def __init__(self, model_dir, n_classes=1001, weight_decay=1e-4, momentum=0.875):
        self.model = ResnetModel('resnet50', n_classes, [3, 4, 6, 3], [64, 128, 256, 512])
        self.params = {
            'weight_decay': weight_decay,
            'momentum': momentum,
            'label_smoothing': 0.1,
            'lr_boundaries': [30000, 60000, 80000],
            'lr_values': [0.256, 0.0256, 0.00256, 0.000256],
        }
        self.estimator = tf.estimator.Estimator(model_fn=self.model, model_dir=model_dir, params=self.params)

    def train(self, data_dir, batch_size, max_steps):
        hooks = [tf.train.LoggingTensorHook({'total_loss': 'total_loss'}, every_n_iter=100)]
        self.estimator.train(input_fn=get_input_fn(data_dir, batch_size, training=True),
                             max_steps=max_steps, hooks=hooks)

    def evaluate(self, data_dir, batch_size):
        return self.estimator.evaluate(input_fn=get_input_fn(data_dir, batch_size, training=False))
