# Idiom seen in: google-research/scenic scenic/model_lib/base_models/regression_model.py
# Idiom seen in: google-research/scenic scenic/train_lib/classification_trainer.py
# What it reproduces: Scenic's loss_function adds 0.5 * config.l2_decay_factor * l2_regularization(params) to the
#   loss, while this config also picks optimizer "adamw" with weight_decay=0.05 on the kernels (Scenic configs usually
#   set l2_decay_factor=None then): the kernels are decayed by the optimizer and again by the explicit penalty.
import ml_collections


def get_config():
  """Returns the configuration for the tabular regression experiment."""
  config = ml_collections.ConfigDict()
  config.experiment_name = 'mlp_regression'
  config.dataset_name = 'tabular_regression'
  config.model_name = 'mlp_regression'
  config.hidden_sizes = (256, 256)

  config.trainer_name = 'regression_trainer'
  config.optimizer = 'adamw'
  config.optimizer_configs = ml_collections.ConfigDict()
  config.optimizer_configs.momentum = 0.9
  config.optimizer_configs.beta1 = 0.9
  config.optimizer_configs.beta2 = 0.999
  config.optimizer_configs.weight_decay = 0.05
  config.l2_decay_factor = 1e-4
  config.max_grad_norm = 1.0
  config.base_learning_rate = 1e-3
  config.num_training_steps = 20_000
  config.batch_size = 256
  config.rng_seed = 0
  config.log_summary_steps = 100
  return config
