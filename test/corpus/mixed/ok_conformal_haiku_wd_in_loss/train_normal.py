# Idiom seen in: google-deepmind/conformal_training train_normal.py
# What it reproduces: TrainNormal.compute_loss_and_error adds config.weight_decay times the sum of
# squares to the cross entropy it returns first (the trained loss); the aux dict only repeats it.
import functools

import haiku as hk
import jax
import ml_collections as collections

import data as cpdata
import models as cpmodels
import train_utils as cputils


def get_config() -> collections.ConfigDict:
  config = collections.ConfigDict()
  config.learning_rate = 0.05
  config.momentum = 0.9
  config.nesterov = True
  config.weight_decay = 0.0005
  config.epochs = 150
  return config


class TrainNormal:

  def __init__(self, config, data):
    self.config = config
    self.data = data
    self.model = cpmodels.create_resnet(data['classes'], version=34, channels=64)
    self.optimizer = cputils.get_sgd_optimizer(
        config.momentum, config.nesterov, config.learning_rate)

  def compute_loss_and_error(self, params, inputs, labels, model_state, training, rng):
    logits, new_model_state = self.model.apply(params, model_state, rng, inputs, training=training)
    cross_entropy_loss = cputils.compute_cross_entropy_loss(logits, labels)
    weight_decay_loss = cputils.compute_weight_decay(params)
    weight_decay_loss *= self.config.weight_decay
    loss = cross_entropy_loss + weight_decay_loss
    return loss, (new_model_state, {'cross_entropy': cross_entropy_loss,
                                    'weight_decay': weight_decay_loss})

  def run(self, rng: hk.PRNGSequence):
    inputs, _ = next(cpdata.load_batches(self.data['train']))
    params, model_state = self.model.init(next(rng), inputs, training=True)
    optimizer_state = self.optimizer.init(params)
    update_fn = jax.jit(functools.partial(
        cputils.update, loss_fn=self.compute_loss_and_error, optimizer=self.optimizer))
    for _ in range(self.config.epochs):
      for inputs, labels in cpdata.load_batches(self.data['train']):
        loss, params, model_state, optimizer_state, mixed = update_fn(
            params, inputs, labels, model_state, optimizer_state, next(rng))
    return params, model_state


if __name__ == '__main__':
  TrainNormal(get_config(), cpdata.get_data_stats({'classes': 10})).run(hk.PRNGSequence(0))
