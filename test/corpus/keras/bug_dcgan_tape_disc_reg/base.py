# Idiom seen in: tatsy/keras-generative models/base.py
# What it reproduces: BaseModel.main_loop calling an abstract train_on_batch that each GAN overrides.
#   The DCGAN override trains both nets with GradientTape: the generator loss adds
#   sum(self.generator.losses), but the discriminator loss leaves the discriminator L2 terms out.
#   Realistic user port of the repo (which used Keras train_on_batch) to TF2 tapes.
import os
import sys
from abc import ABCMeta, abstractmethod

import numpy as np


class BaseModel(metaclass=ABCMeta):
    def __init__(self, **kwargs):
        if 'name' not in kwargs:
            raise Exception('Please specify model name!')
        self.name = kwargs['name']
        self.output = kwargs.get('output', 'output')
        self.trainers = {}

    def main_loop(self, datasets, epochs=100, batchsize=100, reporter=()):
        out_dir = os.path.join(self.output, self.name)
        os.makedirs(out_dir, exist_ok=True)
        num_data = len(datasets)
        for e in range(epochs):
            perm = np.random.permutation(num_data)
            for b in range(0, num_data, batchsize):
                indx = perm[b:b + batchsize]
                losses = self.train_on_batch(datasets[indx])
                print('\rEpoch #%d | %d / %d ' % (e + 1, b + len(indx), num_data), end='')
                for k in reporter:
                    if k in losses:
                        print('| %s = %8.6f ' % (k, losses[k]), end='')
                sys.stdout.flush()
            print('')

    def store_to_save(self, name):
        self.trainers[name] = getattr(self, name)

    @abstractmethod
    def train_on_batch(self, x_batch):
        pass
