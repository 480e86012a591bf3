# Idiom seen in: google-research/big_vision big_vision/configs/vit_i1k.py
# Idiom seen in: google-research/big_vision big_vision/optax.py
# What it reproduces: a big_vision ViT config: scale_by_adam updates, base lr 1e-3 and decoupled
# weight decay wd=1e-4 restricted by wd_mults to parameters whose path ends in /kernel. Clean.
import ml_collections as mlc


def get_config(arg=None):
    config = mlc.ConfigDict()
    config.seed = 0
    config.total_epochs = 300
    config.num_classes = 1000
    config.input = dict(data=dict(name='imagenet2012', split='train[:99%]'), batch_size=4096)

    config.model_name = 'vit'
    config.model = dict(variant='S/16', rep_size=True, pool_type='tok')

    config.grad_clip_norm = 1.0
    config.optax_name = 'scale_by_adam'
    config.optax = dict(mu_dtype='bfloat16')
    config.lr = 0.001
    config.wd = 0.0001
    config.wd_mults = [('.*/kernel$', 1.0)]
    config.schedule = dict(warmup_steps=10_000, decay_type='cosine')
    return config
