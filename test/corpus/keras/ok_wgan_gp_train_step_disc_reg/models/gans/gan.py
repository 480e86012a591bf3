# Idiom seen in: poloarol/small-molecules src/models/gans/gan.py
# What it reproduces: an abstract keras.Model GAN holding two sub-models and two optimizers, with train_step
#   and the two adversarial losses left to subclasses.
# label-note: clean; no decay here.
from abc import abstractmethod
from typing import Dict, Final

import tensorflow as tf
from tensorflow import keras


class GAN(keras.Model):
    """Abstract class to build a Generative Adversarial Network."""

    def __init__(self, discriminator_model: keras.Model, generator_model: keras.Model,
                 discriminator_steps: int = 1, generator_steps: int = 1,
                 gp_weight: float = 10.0, latent_dim: int = 64) -> None:
        super().__init__()
        self.discriminator: keras.Model = discriminator_model
        self.generator: keras.Model = generator_model
        self.discriminator_steps: int = discriminator_steps
        self.generator_steps: int = generator_steps
        self.gp_weight: float = gp_weight
        self.latent_dim: Final[int] = latent_dim

    def compile(self, d_optimizer, g_optimizer, **kwargs):
        super().compile(**kwargs)
        self.d_optimizer = d_optimizer
        self.g_optimizer = g_optimizer

    def call(self, z, training=False):
        return self.generator(z, training=training)

    @abstractmethod
    def train_step(self, inputs) -> Dict:
        """provides methods to train the model"""

    @abstractmethod
    def _loss_discriminator(self, real_logits, fake_logits) -> tf.Tensor:
        """Calculate the loss of the discriminator"""

    @abstractmethod
    def _loss_generator(self, fake_logits) -> tf.Tensor:
        """Calculate the loss of the generator"""
