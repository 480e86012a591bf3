# Idiom seen in: google/flax examples/imagenet/train.py; young-geng/EasyLM EasyLM/optimizers.py
# What it reproduces: the ml_collections hyper-parameter file of a Flax example; it carries both an
# AdamW `weight_decay` and the old `l2_reg` of the hand-written penalty, which train.py uses together.
import ml_collections


def get_config():
  """Hyper-parameters for the ResNet-18 / CIFAR-10 run."""
  config = ml_collections.ConfigDict()
  config.model = 'ResNet18'
  config.dataset = 'cifar10'
  config.learning_rate = 1e-3
  config.warmup_epochs = 5
  config.weight_decay = 0.05
  config.l2_reg = 1e-4
  config.batch_size = 128
  config.num_epochs = 100
  config.cache = True
  config.half_precision = False
  config.log_every_steps = 500
  return config
