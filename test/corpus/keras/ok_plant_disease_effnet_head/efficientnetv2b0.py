# Idiom seen in: 6b2e62/plant-disease model/efficentnetv2b0.py
# Idiom seen in: 6b2e62/plant-disease model/model.py
# What it reproduces: the child class: job_config (with the head's l2 factor) and build_model() returning
# EfficientNetV2B0 without its top for transfer learning.
import tensorflow as tf

from plant_model import Model


class EfficientNetV2B0Model(Model):
    job_config = {
        "batch_size": 64,
        "epoch": 25,
        "learning_rate": 0.008,
        "l2": 1e-4,
        "loss": "categorical_crossentropy",
        "metrics": ["accuracy"],
    }

    def build_model(self):
        return tf.keras.applications.EfficientNetV2B0(
            input_shape=self.input_shape,
            include_top=not self.transfer_learning,
            weights='imagenet',
            include_preprocessing=True
        )
