# Idiom seen in: facebookresearch/DomainBed domainbed/hparams_registry.py
# Idiom seen in: facebookresearch/DomainBed domainbed/algorithms.py
# What it reproduces: DomainBed's hyperparameter registry: each hparam is (default, random); sweeps draw
#   weight_decay = 10**U(-6, -2) for the large-image datasets, which ERM then gives to torch.optim.Adam.
import hashlib

import numpy as np


def seed_hash(*args):
    args_str = str(args)
    return int(hashlib.md5(args_str.encode("utf-8")).hexdigest(), 16) % (2 ** 31)


def _hparams(algorithm, dataset, random_seed):
    SMALL_IMAGES = ['Debug28', 'RotatedMNIST', 'ColoredMNIST']

    hparams = {}

    def _hparam(name, default_val, random_val_fn):
        assert name not in hparams
        random_state = np.random.RandomState(seed_hash(random_seed, name))
        hparams[name] = (default_val, random_val_fn(random_state))

    _hparam('data_augmentation', True, lambda r: True)
    _hparam('resnet18', False, lambda r: False)
    _hparam('resnet_dropout', 0., lambda r: r.choice([0., 0.1, 0.5]))
    _hparam('class_balanced', False, lambda r: False)
    _hparam('nonlinear_classifier', False, lambda r: bool(r.choice([False, False])))

    if dataset in SMALL_IMAGES:
        _hparam('lr', 1e-3, lambda r: 10 ** r.uniform(-4.5, -2.5))
        _hparam('batch_size', 64, lambda r: int(2 ** r.uniform(3, 9)))
        _hparam('weight_decay', 0., lambda r: 0.)
    else:
        _hparam('lr', 5e-5, lambda r: 10 ** r.uniform(-5, -3.5))
        _hparam('batch_size', 32, lambda r: int(2 ** r.uniform(3, 5.5)))
        _hparam('weight_decay', 0., lambda r: 10 ** r.uniform(-6, -2))

    return hparams


def default_hparams(algorithm, dataset):
    return {a: b for a, (b, c) in _hparams(algorithm, dataset, 0).items()}


def random_hparams(algorithm, dataset, seed):
    return {a: c for a, (b, c) in _hparams(algorithm, dataset, seed).items()}
