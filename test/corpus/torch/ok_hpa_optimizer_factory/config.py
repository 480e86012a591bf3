# Idiom seen in: pudae/kaggle-hpa optimizers/optimizer_factory.py
# Idiom seen in: pudae/kaggle-hpa utils/config.py
# What it reproduces: optimizer looked up by name with globals().get(config.optimizer.name) and called with
#   **config.optimizer.params; the preset picks adam with lr only, so the factory default weight_decay=0 applies: clean.
from __future__ import absolute_import
from __future__ import division
from __future__ import print_function

from easydict import EasyDict as edict


def _get_default_config():
  c = edict()

  c.data = edict()
  c.data.name = 'DefaultDataset'
  c.data.dir = './data'
  c.data.params = edict()

  c.model = edict()
  c.model.name = 'resnet34'
  c.model.params = edict()

  c.train = edict()
  c.train.dir = './result/out'
  c.train.batch_size = 32
  c.train.num_epochs = 40
  c.train.num_grad_acc = None

  c.loss = edict()
  c.loss.name = 'binary_focal_loss'
  c.loss.params = edict()

  c.optimizer = edict()
  c.optimizer.name = 'adam'
  c.optimizer.params = edict()
  c.optimizer.params.lr = 0.0005

  c.scheduler = edict()
  c.scheduler.name = 'none'
  c.scheduler.params = edict()
  return c


def load():
  return _get_default_config()
