# Idiom seen in: srihari-humbarwadi/retinanet-tensorflow2.x retinanet/model/builder.py and retinanet/model/utils.py
#   (add_l2_regularization, model_builder; the design before commit 6d0164e moved weight decay into the Executor)
# What it reproduces: a model_fn factory that builds the detector from a module outside this folder and, when
#   params.training.use_weight_decay is set, registers a callable L2 term per trainable Conv2D kernel with
#   model.add_loss, then compiles with SGD (no weight_decay argument) and the detection loss object.
# label-note: no label here; the add_n in the logging line only reports the initial value. The finding belongs to
#   executor.py, where the same sum is computed for training and then left out of the minimized loss.
import tensorflow as tf
from absl import logging

from losses import RetinaNetLoss
from retinanet_net import retinanet_builder


def add_l2_regularization(weight, alpha=0.0001):
    def _add_l2_regularization():
        return alpha * tf.nn.l2_loss(weight)
    return _add_l2_regularization


def model_builder(params):
    def _model_fn():
        input_shape = params.input.input_shape + [params.input.channels]
        model = retinanet_builder(input_shape, params)

        if params.training.use_weight_decay:
            alpha = params.training.weight_decay_alpha
            for layer in model.layers:
                if isinstance(layer, tf.keras.layers.Conv2D) and layer.trainable:
                    model.add_loss(add_l2_regularization(layer.kernel, alpha))
            logging.info('Initial l2_regularization loss {}'.format(tf.math.add_n(model.losses).numpy()))

        optimizer = tf.keras.optimizers.SGD(learning_rate=params.training.optimizer.lr,
                                            momentum=params.training.optimizer.momentum,
                                            nesterov=params.training.optimizer.nesterov)
        model.compile(optimizer=optimizer, loss=RetinaNetLoss(params.architecture.num_classes, params.loss))
        return model
    return _model_fn
