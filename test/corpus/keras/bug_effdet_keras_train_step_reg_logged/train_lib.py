# Idiom seen in: tensorflow/examples tensorflow_examples/lite/model_maker/third_party/efficientdet/keras/train_lib.py
# What it reproduces: EfficientDetNetTrain.train_step computes _reg_l2_loss(weight_decay) over the kernels
# and (a user mistake in the repo's idiom; the repo adds it to total_loss) only reports it in loss_vals,
# so the tape differentiates the detection loss alone.
"""Training related libraries."""
import re

import tensorflow as tf

import efficientdet_keras
import det_losses


class EfficientDetNetTrain(efficientdet_keras.EfficientDetNet):
  """A customized trainer for EfficientDet.

  see https://www.tensorflow.org/guide/keras/customizing_what_happens_in_fit
  """

  def _freeze_vars(self):
    if self.config.var_freeze_expr:
      return [
          v for v in self.trainable_variables
          if not re.match(self.config.var_freeze_expr, v.name)
      ]
    return self.trainable_variables

  def _reg_l2_loss(self, weight_decay, regex=r'.*(kernel|weight):0$'):
    """Return regularization l2 loss loss."""
    var_match = re.compile(regex)
    return weight_decay * tf.add_n([
        tf.nn.l2_loss(v) for v in self._freeze_vars() if var_match.match(v.name)
    ])

  def _detection_loss(self, cls_outputs, box_outputs, labels, loss_vals):
    cls_loss, box_loss = det_losses.detection_loss(
        cls_outputs, box_outputs, labels, self.config)
    loss_vals['cls_loss'] = cls_loss
    loss_vals['box_loss'] = box_loss
    return cls_loss + self.config.box_loss_weight * box_loss

  def train_step(self, data):
    """Train step.

    Args:
      data: Tuple of (images, labels).

    Returns:
      A dict record loss info.
    """
    images, labels = data
    with tf.GradientTape() as tape:
      cls_outputs, box_outputs = self(images, training=True)
      total_loss = 0
      loss_vals = {}
      det_loss = self._detection_loss(cls_outputs, box_outputs, labels,
                                      loss_vals)
      total_loss += det_loss

      reg_l2_loss = self._reg_l2_loss(self.config.weight_decay)  # expect: WD104
      loss_vals['reg_l2_loss'] = reg_l2_loss
    loss_vals['loss'] = total_loss
    trainable_vars = self._freeze_vars()
    gradients = tape.gradient(total_loss, trainable_vars)
    if self.config.clip_gradients_norm > 0:
      clip_norm = abs(self.config.clip_gradients_norm)
      gradients = [
          tf.clip_by_norm(g, clip_norm) if g is not None else None
          for g in gradients
      ]
      gradients, _ = tf.clip_by_global_norm(gradients, clip_norm)
      loss_vals['gradient_norm'] = tf.linalg.global_norm(gradients)
    self.optimizer.apply_gradients(zip(gradients, trainable_vars))
    return loss_vals
