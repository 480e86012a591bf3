# Idiom seen in: tensorflow/federated tensorflow_federated/python/learning/models/keras_utils.py
# What it reproduces: the Keras model wrapper's forward pass: batch_loss = tf.add_n([loss_fn(y, pred)] +
#   self._keras_model.losses), the per-layer regularization losses joined to the task loss. Clean.
import collections

import tensorflow as tf

BatchOutput = collections.namedtuple('BatchOutput', ['loss', 'predictions', 'num_examples'])


class KerasModelWrapper(object):

  def __init__(self, keras_model, loss_fn, metrics):
    self._keras_model = keras_model
    self._loss_fn = loss_fn
    self._metrics = metrics

  @property
  def trainable_variables(self):
    return self._keras_model.trainable_variables

  def predict_on_batch(self, x, training=True):
    return self._keras_model(x, training=training)

  def forward_pass(self, batch_input, training=True):
    inputs, y_true = batch_input['x'], batch_input['y']
    predictions = self.predict_on_batch(inputs, training)
    # Per-layer regularization losses are added to the task loss, as Keras does in its training step.
    batch_loss = tf.add_n([self._loss_fn(y_true=y_true, y_pred=predictions)]
                          + self._keras_model.losses)
    for metric in self._metrics:
      metric.update_state(y_true=y_true, y_pred=predictions)
    return BatchOutput(loss=batch_loss, predictions=predictions,
                       num_examples=tf.shape(predictions)[0])
