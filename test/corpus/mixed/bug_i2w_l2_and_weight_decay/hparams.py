# Idiom seen in: google/init2winit init2winit/model_lib/fully_connected.py
# Idiom seen in: google/init2winit init2winit/optimizer_lib/optimizers.py
# What it reproduces: an init2winit-style DEFAULT_HPARAMS ConfigDict for a momentum run in which both the cost's
#   l2_decay_factor and the optimizer's opt_hparams['weight_decay'] are set (init2winit asserts against exactly this).
from ml_collections.config_dict import config_dict

DEFAULT_HPARAMS = config_dict.ConfigDict(
    dict(
        hid_sizes=[128, 128],
        activation_function='relu',
        lr_hparams={'base_lr': 0.1, 'schedule': 'constant'},
        optimizer='momentum',
        opt_hparams={
            'momentum': 0.9,
            'weight_decay': 5e-4,
        },
        batch_size=128,
        l2_decay_factor=5e-4,
        l2_decay_rank_threshold=2,
        label_smoothing=None,
        rng_seed=-1,
        model_dtype='float32',
        num_train_steps=10000,
    ))
