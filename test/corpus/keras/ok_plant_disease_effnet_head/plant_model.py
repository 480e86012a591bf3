# Idiom seen in: 6b2e62/plant-disease model/model.py
# Idiom seen in: 6b2e62/plant-disease model/efficentnetv2b0.py
# What it reproduces: the project's transfer-learning base class: a child's frozen application gets a
# pooling/dropout/Dense head whose L2 kernel_regularizer is given at construction, then compile/fit.
# Clean: the regularizer exists before the head is built, and fit adds its loss.
from pathlib import Path
from typing import Optional

import tensorflow as tf
import wandb
from wandb.keras import WandbMetricsLogger


class Model:
    job_config = dict()

    def __init__(self, ds_path: Path, transfer_learning: bool = True, weights: Optional[str] = "imagenet"):
        self.transfer_learning = transfer_learning
        self.weights = weights
        self.input_shape = (128, 128, 3)
        self.train_ds, self.valid_ds = self.__load_dataset(ds_path)
        self.__init_wandb()
        self.model = self.build_model()
        self.__add_classifier()
        self.__compile()
        self.model.summary()

    def __init_wandb(self):
        wandb.init(project="Detection of plant diseases", config=self.job_config)
        self.config = wandb.config

    def build_model(self):
        """To be implemented in the child class."""
        return None

    def __load_dataset(self, ds_path: Path):
        train_ds = tf.keras.utils.image_dataset_from_directory(
            ds_path / "train", image_size=self.input_shape[:2], batch_size=self.job_config["batch_size"],
            label_mode="categorical")
        valid_ds = tf.keras.utils.image_dataset_from_directory(
            ds_path / "valid", image_size=self.input_shape[:2], batch_size=self.job_config["batch_size"],
            label_mode="categorical")
        return train_ds, valid_ds

    def __add_classifier(self):
        average_pooling_2d = tf.keras.layers.GlobalAveragePooling2D()(self.model.layers[-1].output)
        dropout = tf.keras.layers.Dropout(0.2)(average_pooling_2d)
        dense = tf.keras.layers.Dense(
            14, activation=tf.nn.softmax,
            kernel_regularizer=tf.keras.regularizers.l2(self.job_config["l2"]))(dropout)
        # Freeze the backbone
        self.model.trainable = not self.transfer_learning
        self.model = tf.keras.Model(inputs=self.model.inputs, outputs=[dense])

    def __compile(self):
        self.model.compile(optimizer=tf.keras.optimizers.Adam(self.config.learning_rate),
                           loss=self.config.loss, metrics=self.config.metrics)

    def fit(self):
        return self.model.fit(self.train_ds, validation_data=self.valid_ds, epochs=self.config.epoch,
                              callbacks=[WandbMetricsLogger(log_freq=5)])

    def save(self, filepath):
        self.model.save(filepath)
