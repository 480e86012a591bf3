# Idiom seen in: tfwcn/tensorflow2-machine-vision AIServer/ai_api/ai_models/efficientnet/efficientdet_net_train.py
# What it reproduces: a training subclass of the EfficientDet model whose train_step computes
#   _reg_l2_loss(4e-5) (weight_decay * sum of l2_loss over variables named kernel/weight) as the first term
#   of _get_loss, inside the tape, with a plain momentum SGD wrapped in MovingAverage. Clean.
import re

import tensorflow as tf

from ai_api.ai_models.efficientnet.efficientdet_net import EfficientDetNet  # backbone+BiFPN, not in this folder
from ai_api.ai_models.losses.box_loss import BoxLoss  # not in this folder
from ai_api.ai_models.losses.focal_loss import FocalLoss  # not in this folder


class EfficientDetNetTrain(EfficientDetNet):
    def __init__(self, blocks_args, global_params, anchors, name=''):
        super().__init__(blocks_args=blocks_args, global_params=global_params, name=name)
        self.anchors = anchors
        self.box_loss = BoxLoss()
        self.focal_loss = FocalLoss(self._global_params.alpha, self._global_params.gamma, label_smoothing=0.0)

    def _reg_l2_loss(self, weight_decay, regex=r'.*(kernel|weight):0$'):
        """Return regularization l2 loss loss."""
        var_match = re.compile(regex)
        return weight_decay * tf.add_n([
            tf.nn.l2_loss(v)
            for v in self.trainable_variables
            if var_match.match(v.name)
        ])

    def _get_loss(self, y_true_boxes, y_true_classes, y_true_masks, y_pred_boxes, y_pred_classes):
        loss = self._reg_l2_loss(4e-5)
        num_positives_sum = 1.0
        for level in range(len(y_true_boxes)):
            num_positives_sum += tf.reduce_sum(tf.cast(y_true_masks[level], tf.float32))
        for level in range(len(y_true_boxes)):
            loss_b = self.box_loss([num_positives_sum, y_true_boxes[level]], y_pred_boxes[level])
            loss_c = self.focal_loss([num_positives_sum, y_true_classes[level]], y_pred_classes[level])
            loss += loss_b * 50.0 + loss_c
        return loss

    def train_step(self, data):
        x, y_true_boxes, y_true_classes, y_true_masks = data
        with tf.GradientTape() as tape:
            y_pred_boxes, y_pred_classes = self(x, training=True)
            loss = self._get_loss(y_true_boxes, y_true_classes, y_true_masks, y_pred_boxes, y_pred_classes)
        trainable_vars = self.trainable_variables
        gradients = tape.gradient(loss, trainable_vars)
        gradients, gnorm = tf.clip_by_global_norm(gradients, 10.0)
        self.optimizer.apply_gradients(zip(gradients, trainable_vars))
        return {'loss': loss, 'gnorm': gnorm}
