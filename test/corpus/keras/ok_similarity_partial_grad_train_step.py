# Idiom seen in: tensorflow/similarity tensorflow_similarity/models/similarity_model.py
# What it reproduces: a SimilarityModel-style train_step override that runs part of the batch outside the
#   tape and computes the loss with self.compute_loss(x, y, y_pred, sample_weight); Keras's compute_loss
#   adds self.losses (the embedding head's L2) to the compiled loss, and the tape differentiates it: clean.
import argparse

import tensorflow as tf
from tensorflow.keras import layers

from losses import MultiSimilarityLoss
from samplers import TFDatasetMultiShotMemorySampler


class SimilarityModel(tf.keras.Model):

    def __init__(self, *args, **kwargs):
        self.batch_compute_gradient_portion = float(kwargs.pop('batch_compute_gradient_portion', 1))
        assert 0. < self.batch_compute_gradient_portion <= 1.
        super().__init__(*args, **kwargs)

    def train_step(self, data):
        x, y, sample_weight = tf.keras.utils.unpack_x_y_sample_weight(data)
        n = tf.cast(tf.shape(x)[0], tf.float32)
        k = tf.cast(self.batch_compute_gradient_portion * n, tf.int32)

        y_pred_without_gradient = self(x[k:], training=True)
        with tf.GradientTape() as tape:
            y_pred_with_gradient = self(x[:k], training=True)
            y_pred = tf.concat([y_pred_with_gradient, y_pred_without_gradient], axis=0)
            loss = self.compute_loss(x, y, y_pred, sample_weight)

        self.optimizer.minimize(loss, self.trainable_variables, tape=tape)
        return self.compute_metrics(x, y, y_pred, sample_weight)


def get_model(embedding_size, l2):
    inputs = layers.Input(shape=(28, 28, 1))
    x = layers.Rescaling(1 / 255)(inputs)
    x = layers.Conv2D(32, 3, activation="relu")(x)
    x = layers.MaxPool2D()(x)
    x = layers.Conv2D(64, 3, activation="relu")(x)
    x = layers.Flatten()(x)
    x = layers.Dense(128, activation="relu", kernel_regularizer=tf.keras.regularizers.l2(l2))(x)
    outputs = layers.Dense(embedding_size, kernel_regularizer=tf.keras.regularizers.l2(l2))(x)
    return SimilarityModel(inputs, outputs, batch_compute_gradient_portion=0.5)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--embedding_size", type=int, default=64)
    parser.add_argument("--l2", type=float, default=1e-4)
    parser.add_argument("--epochs", type=int, default=20)
    args = parser.parse_args()

    sampler = TFDatasetMultiShotMemorySampler(dataset_name="mnist", classes_per_batch=10,
                                              examples_per_class_per_batch=8)
    model = get_model(args.embedding_size, args.l2)
    model.compile(optimizer=tf.keras.optimizers.Adam(1e-3), loss=MultiSimilarityLoss(distance="cosine"))
    model.fit(sampler, epochs=args.epochs, steps_per_epoch=100)


if __name__ == "__main__":
    main()
