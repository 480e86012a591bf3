# Idiom seen in: rwightman/efficientnet-jax train_configs/default.py
# Idiom seen in: rwightman/efficientnet-jax jeffnet/common/optim/optim_factory.py
# Idiom seen in: rwightman/efficientnet-jax tf_linen_train.py
# What it reproduces: the repo keeps an explicit L2 penalty (config.weight_decay) in loss_fn and keeps
# optimizer decay at 0 for rmsproptf; here the user switches config.opt to 'adamw' with opt_weight_decay
# 0.05 and leaves the loss penalty on: kernels are decayed twice, and AdamW (no mask) decays BN/bias too.
"""Default Hyperparameter configuration."""

import ml_collections


def get_config():
    config = ml_collections.ConfigDict()
    config.output_base_dir = ''
    config.data_dir = '/data/'
    config.dataset = 'imagenet2012:5.0.0'

    config.model = 'tf_efficientnet_b0'
    config.image_size = 0
    config.batch_size = 256
    config.eval_batch_size = 0
    config.lr = 1e-3
    config.label_smoothing = 0.1
    config.weight_decay = 1e-5  # l2 weight penalty added to loss
    config.ema_decay = .99997

    config.opt = 'adamw'
    config.opt_eps = 1e-8
    config.opt_beta1 = 0.9
    config.opt_beta2 = 0.999
    config.opt_weight_decay = 0.05  # decoupled decay for adamw

    config.lr_schedule = 'cosine'
    config.lr_warmup_epochs = 5.
    config.num_epochs = 300
    config.half_precision = False
    config.drop_rate = 0.2
    config.drop_path_rate = 0.2
    config.num_train_steps = -1
    return config
