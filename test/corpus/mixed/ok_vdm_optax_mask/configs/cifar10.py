# Idiom seen in: google-research/vdm configs/cifar10.py
# What it reproduces: the ml_collections config of the Variational Diffusion Model: optimizer adamw with
# args.weight_decay = 0.01; the mask lives in experiment.py. Clean.
import ml_collections


def get_config():
    config = ml_collections.ConfigDict()
    config.exp_name = "exp_vdm"
    config.model = ml_collections.ConfigDict(dict(
        vocab_size=256, sample_softmax=False, antithetic_time_sampling=True, with_fourier_features=True,
        with_attention=False, gamma_type='learnable_scalar', gamma_min=-13.3, gamma_max=5.,
        sm_n_timesteps=0, sm_n_layer=32, sm_pdrop=0.1))
    config.training = ml_collections.ConfigDict(dict(
        seed=1, substeps=1000, num_steps_lr_warmup=100, num_steps_train=100_000_000,
        num_steps_eval=100, batch_size_train=128, batch_size_eval=128, steps_per_logging=1000,
        steps_per_eval=10_000, steps_per_save=100_000, profile=False))
    config.optimizer = ml_collections.ConfigDict(dict(
        name='adamw',
        args=dict(b1=0.9, b2=0.99, eps=1e-8, weight_decay=0.01),
        learning_rate=2e-4,
        lr_decay=False,
        ema_rate=0.9999,
    ))
    return config
