# Idiom seen in: sayakpaul/stable-diffusion-keras-ft trainer.py
# What it reproduces: the repo's Trainer.train_step override wrapping a regularized classifier, with the
#   repo's own `self.compiled_loss(target, pred, regularization_losses=self.losses)`: the wrapper tracks the
#   classifier, so self.losses holds its l2 terms and they are trained on. Optimizer: SGD without decay. Clean.
import argparse

import tensorflow as tf
from tensorflow.keras import layers, regularizers

from datasets import DatasetUtils


def build_classifier(num_classes, wd):
    inputs = tf.keras.Input((224, 224, 3))
    x = layers.Conv2D(64, 7, strides=2, padding="same", kernel_regularizer=regularizers.l2(wd))(inputs)
    x = layers.BatchNormalization()(x)
    x = layers.ReLU()(x)
    x = layers.Conv2D(128, 3, strides=2, padding="same", kernel_regularizer=regularizers.l2(wd))(x)
    x = layers.GlobalAveragePooling2D()(x)
    outputs = layers.Dense(num_classes, kernel_regularizer=regularizers.l2(wd))(x)
    return tf.keras.Model(inputs, outputs)


class Trainer(tf.keras.Model):
    def __init__(self, classifier, max_grad_norm=1.0, **kwargs):
        super().__init__(**kwargs)
        self.classifier = classifier
        self.max_grad_norm = max_grad_norm

    def train_step(self, inputs):
        images, labels = inputs
        with tf.GradientTape() as tape:
            preds = self.classifier(images, training=True)
            loss = self.compiled_loss(labels, preds, regularization_losses=self.losses)
        trainable_vars = self.classifier.trainable_variables
        gradients = tape.gradient(loss, trainable_vars)
        gradients = [tf.clip_by_norm(g, self.max_grad_norm) for g in gradients]
        self.optimizer.apply_gradients(zip(gradients, trainable_vars))
        self.compiled_metrics.update_state(labels, preds)
        return {m.name: m.result() for m in self.metrics}


def run(args):
    data_utils = DatasetUtils(batch_size=args.batch_size)
    trainer = Trainer(classifier=build_classifier(data_utils.num_classes, args.wd))
    trainer.compile(optimizer=tf.keras.optimizers.SGD(args.lr, momentum=0.9),
                    loss=tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True),
                    metrics=["accuracy"])
    trainer.fit(data_utils.prepare_dataset(), epochs=args.num_epochs)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--lr", default=1e-2, type=float)
    parser.add_argument("--wd", default=1e-4, type=float)
    parser.add_argument("--batch_size", default=32, type=int)
    parser.add_argument("--num_epochs", default=30, type=int)
    run(parser.parse_args())
