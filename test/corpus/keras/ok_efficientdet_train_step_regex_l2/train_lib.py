# Idiom seen in: google/automl efficientdet/tf2/train_lib.py (get_optimizer, EfficientDetNetTrain._freeze_vars,
#   _reg_l2_loss, train_step)
# What it reproduces: a Keras detector subclass that overrides train_step (the "customizing what happens in fit"
#   pattern): detection loss from the model's own loss helpers, plus an explicit
#   weight_decay * sum(l2_loss(v)) over the non-frozen trainable variables whose names match
#   r'.*(kernel|weight):0$', added to total_loss inside the tape; a LossScaleOptimizer is unwrapped when present.
# label-note: clean. The penalty is part of the loss the tape differentiates; the tf.keras 2.x variable names
#   (".../kernel:0", ".../bias:0", ".../gamma:0") keep biases and batch-norm parameters out of it; SGD and Adam are
#   built without weight_decay; the EfficientDetNet layers (efficientdet_keras, not in this folder) carry no
#   kernel_regularizer upstream, so self.losses holds nothing that this step leaves out.
import re

import tensorflow as tf
from absl import logging

import efficientdet_keras
import util_keras


def get_optimizer(params):
    learning_rate = util_keras.learning_rate_schedule(params)
    if params['optimizer'].lower() == 'sgd':
        logging.info('Use SGD optimizer')
        optimizer = tf.keras.optimizers.SGD(learning_rate, momentum=params['momentum'])
    elif params['optimizer'].lower() == 'adam':
        optimizer = tf.keras.optimizers.Adam(learning_rate, beta_1=params['momentum'])
    else:
        raise ValueError('optimizers should be adam or sgd')
    if params['mixed_precision']:
        optimizer = tf.keras.mixed_precision.LossScaleOptimizer(optimizer)
    return optimizer


class EfficientDetNetTrain(efficientdet_keras.EfficientDetNet):

    def _freeze_vars(self):
        if self.config.var_freeze_expr:
            return [v for v in self.trainable_variables
                    if not re.match(self.config.var_freeze_expr, v.name)]
        return self.trainable_variables

    def _reg_l2_loss(self, weight_decay, regex=r'.*(kernel|weight):0$'):
        var_match = re.compile(regex)
        return weight_decay * tf.add_n([
            tf.nn.l2_loss(v) for v in self._freeze_vars() if var_match.match(v.name)])

    def train_step(self, data):
        images, labels = data
        with tf.GradientTape() as tape:
            cls_outputs, box_outputs = util_keras.fp16_to_fp32_nested(self(images, training=True))
            loss_vals = {}
            total_loss = self._detection_loss(cls_outputs, box_outputs, labels, loss_vals)
            reg_l2_loss = self._reg_l2_loss(self.config.weight_decay)
            loss_vals['reg_l2_loss'] = reg_l2_loss
            total_loss += tf.cast(reg_l2_loss, total_loss.dtype)
            if isinstance(self.optimizer, tf.keras.mixed_precision.LossScaleOptimizer):
                scaled_loss = self.optimizer.get_scaled_loss(total_loss)
            else:
                scaled_loss = total_loss
        loss_vals['loss'] = total_loss
        trainable_vars = self._freeze_vars()
        gradients = tape.gradient(scaled_loss, trainable_vars)
        if isinstance(self.optimizer, tf.keras.mixed_precision.LossScaleOptimizer):
            gradients = self.optimizer.get_unscaled_gradients(gradients)
        if self.config.clip_gradients_norm > 0:
            gradients, _ = tf.clip_by_global_norm(gradients, abs(self.config.clip_gradients_norm))
        self.optimizer.apply_gradients(zip(gradients, trainable_vars))
        return loss_vals
