# Idiom seen in: magenta/ddsp ddsp/training/trainers.py
# What it reproduces: the ddsp Trainer with TensorFlow Addons AdamW where step_fn passes
# decay_var_list with the kernels only, so biases and normalization scales are not decayed.
import gin
import tensorflow.compat.v2 as tf
import tensorflow_addons as tfa


@gin.configurable
class Trainer(object):

  def __init__(self, model, strategy, learning_rate=0.001, lr_decay_steps=10000,
               lr_decay_rate=0.98, grad_clip_norm=3.0, weight_decay=1e-4):
    self.model = model
    self.strategy = strategy
    self.grad_clip_norm = grad_clip_norm
    lr_schedule = tf.keras.optimizers.schedules.ExponentialDecay(
        initial_learning_rate=learning_rate, decay_steps=lr_decay_steps,
        decay_rate=lr_decay_rate)
    with self.strategy.scope():
      self.optimizer = tfa.optimizers.AdamW(weight_decay=weight_decay, learning_rate=lr_schedule)

  def decay_variables(self):
    return [v for v in self.model.trainable_variables if 'kernel' in v.name]

  @tf.function
  def step_fn(self, batch):
    with tf.GradientTape() as tape:
      _, losses = self.model(batch, return_losses=True, training=True)
    grads = tape.gradient(losses['total_loss'], self.model.trainable_variables)
    grads, _ = tf.clip_by_global_norm(grads, self.grad_clip_norm)
    self.optimizer.apply_gradients(
        zip(grads, self.model.trainable_variables),
        decay_var_list=self.decay_variables())
    return losses

  @tf.function
  def train_step(self, inputs):
    batch = next(inputs) if hasattr(inputs, '__next__') else inputs
    losses = self.strategy.run(self.step_fn, args=(batch,))
    return {k: self.strategy.reduce(tf.distribute.ReduceOp.MEAN, v, axis=None)
            for k, v in losses.items()}


def train(model, dataset, steps=30000):
  strategy = tf.distribute.MirroredStrategy()
  trainer = Trainer(model, strategy, learning_rate=3e-4, weight_decay=1e-4)
  it = iter(strategy.experimental_distribute_dataset(dataset))
  for _ in range(steps):
    trainer.train_step(it)
