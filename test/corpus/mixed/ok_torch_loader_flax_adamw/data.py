# Idiom seen in: andnp/jax-research-template libs/rl-agents/src/rl_agents/ppo.py
# What it reproduces: mixed PyTorch + JAX project: torchvision/DataLoader input with a numpy collate feeding a
#   flax model; no decay lives here. Clean.
import numpy as np
import torch.utils.data as data
from torchvision.datasets import CIFAR10

DATA_MEANS = np.array([0.4914, 0.4822, 0.4465])
DATA_STD = np.array([0.2470, 0.2435, 0.2616])


def image_to_numpy(img):
    img = np.array(img, dtype=np.float32)
    return (img / 255.0 - DATA_MEANS) / DATA_STD


def numpy_collate(batch):
    if isinstance(batch[0], np.ndarray):
        return np.stack(batch)
    if isinstance(batch[0], (tuple, list)):
        return [numpy_collate(samples) for samples in zip(*batch)]
    return np.array(batch)


def get_loaders(root, batch_size=128):
    train_set = CIFAR10(root=root, train=True, transform=image_to_numpy, download=True)
    val_set = CIFAR10(root=root, train=False, transform=image_to_numpy, download=True)
    train_loader = data.DataLoader(train_set, batch_size=batch_size, shuffle=True, drop_last=True,
                                   collate_fn=numpy_collate, num_workers=4)
    val_loader = data.DataLoader(val_set, batch_size=256, shuffle=False, collate_fn=numpy_collate)
    return train_loader, val_loader
