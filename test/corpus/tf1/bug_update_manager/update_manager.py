# Idiom seen in: tcoatale/cnn_framework update_manager.py
# What it reproduces: an UpdateManager whose training_loss() sums the 'losses' collection and whose
#   update() reads the same collection only to attach moving averages and summaries before
#   minimizing whatever loss it was given.
import tensorflow as tf


class UpdateManager(object):
  def __init__(self, config):
    self.config = config

  def training_loss(self, true_loss):
    tf.add_to_collection('losses', true_loss)
    total_loss = tf.add_n(tf.get_collection('losses'), name='loss_total')
    return total_loss

  def _histogram_grad(self, gradient):
    grad, var = gradient
    if grad is not None:
      tf.summary.histogram(var.op.name + '/gradients', grad)

  def update(self, loss, global_step):
    steps_per_epoch = self.config.train_size / self.config.batch_size
    decay_steps = int(steps_per_epoch * self.config.num_epochs_per_decay)
    learning_rate = tf.train.exponential_decay(self.config.initial_learning_rate, global_step,
                                               decay_steps, self.config.lr_decay_factor,
                                               staircase=True)
    tf.summary.scalar('learning_rate', learning_rate)

    loss_averages = tf.train.ExponentialMovingAverage(0.9, name='avg')
    losses = tf.get_collection('losses') + [loss]
    loss_averages_op = loss_averages.apply(losses)
    list(map(lambda l: tf.summary.scalar(l.op.name, loss_averages.average(l)), losses))

    with tf.control_dependencies([loss_averages_op]):
      optimizer = tf.train.GradientDescentOptimizer(learning_rate)
      grads = optimizer.compute_gradients(loss)
    apply_gradient_op = optimizer.apply_gradients(grads, global_step=global_step)
    list(map(self._histogram_grad, grads))

    with tf.control_dependencies([apply_gradient_op]):
      train_op = tf.no_op(name='train')
    return train_op
