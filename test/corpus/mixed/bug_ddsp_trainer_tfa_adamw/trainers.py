# Idiom seen in: magenta/ddsp ddsp/training/trainers.py
# What it reproduces: the ddsp Trainer switched to TensorFlow Addons AdamW; step_fn applies the
# gradients without decay_var_list, so every variable (biases, LayerNorm scales) is decayed.
from absl import logging
import gin
import tensorflow.compat.v2 as tf
import tensorflow_addons as tfa


@gin.configurable
class Trainer(object):
  """Binds an optimizer, model, strategy and training step."""

  def __init__(self, model, strategy, learning_rate=0.001, lr_decay_steps=10000,
               lr_decay_rate=0.98, grad_clip_norm=3.0, weight_decay=1e-4):
    self.model = model
    self.strategy = strategy
    self.grad_clip_norm = grad_clip_norm
    lr_schedule = tf.keras.optimizers.schedules.ExponentialDecay(
        initial_learning_rate=learning_rate,
        decay_steps=lr_decay_steps,
        decay_rate=lr_decay_rate)
    with self.strategy.scope():
      self.optimizer = tfa.optimizers.AdamW(
          weight_decay=weight_decay,  # expect: WD203
          learning_rate=lr_schedule)

  def run(self, fn, *args, **kwargs):
    return self.strategy.run(fn, args=args, kwargs=kwargs)

  @tf.function
  def train_step(self, inputs):
    batch = next(inputs) if hasattr(inputs, '__next__') else inputs
    losses = self.run(self.step_fn, batch)
    n_replicas = self.strategy.num_replicas_in_sync
    return {k: self.strategy.reduce(tf.distribute.ReduceOp.SUM, v, axis=None) / n_replicas
            for k, v in losses.items()}

  @tf.function
  def step_fn(self, batch):
    with tf.GradientTape() as tape:
      _, losses = self.model(batch, return_losses=True, training=True)
    grads = tape.gradient(losses['total_loss'], self.model.trainable_variables)
    grads, _ = tf.clip_by_global_norm(grads, self.grad_clip_norm)
    self.optimizer.apply_gradients(zip(grads, self.model.trainable_variables))
    logging.log_every_n(logging.INFO, 'step done', 100)
    return losses
