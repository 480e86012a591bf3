# Idiom seen in: google-research/sam sam_jax/training_utils/flax_training.py
# Idiom seen in: google-research/sam sam_jax/train.py
# What it reproduces: SAM's weight decay moved from the loss into an optax chain add_decayed_weights -> plain sgd, with
#   the hyper-parameters in a config module; weight_decay is typed 5.0 for 5e-4, so lr * wd = 0.2 * 5.0 = 1.0 and decay
#   alone multiplies the kernels by 1 - lr*wd = 0 each step.
import ml_collections


def get_config():
  config = ml_collections.ConfigDict()
  config.model_name = 'WideResnet_mini'
  config.batch_size = 128
  config.num_epochs = 200
  config.learning_rate = 0.2
  config.weight_decay = 5.  # expect: WD301
  config.gradient_clipping = 5.0
  return config
