# Idiom seen in: google-research/vision_transformer vit_jax/train.py
# Idiom seen in: google-research/vision_transformer vit_jax/configs/common.py
# What it reproduces: ViT fine-tuning with optax.chain(clip_by_global_norm, ..., sgd(momentum=0.9)) where
# kernel-masked optax.add_decayed_weights is placed BEFORE the sgd step (PyTorch SGD semantics), and
# tx.update is given the params. Clean.
import ml_collections


def get_config():
  """Returns config values other than model parameters."""
  config = ml_collections.ConfigDict()
  config.pretrained_dir = '.'
  config.dataset = 'cifar10'
  config.accum_steps = 8
  config.batch = 512
  config.base_lr = 0.03
  config.wd = 1e-4
  config.decay_type = 'cosine'
  config.warmup_steps = 500
  config.total_steps = 10_000
  config.grad_norm_clip = 1.0
  config.shuffle_buffer = 50_000
  return config
