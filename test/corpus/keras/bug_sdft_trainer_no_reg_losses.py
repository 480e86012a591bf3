# Idiom seen in: sayakpaul/stable-diffusion-keras-ft trainer.py
# Idiom seen in: sayakpaul/stable-diffusion-keras-ft finetune.py
# What it reproduces: the repo's `Trainer(tf.keras.Model)` wrapper with its own train_step (GradientTape,
#   self.compiled_loss, optimizer.apply_gradients on the wrapped model's variables), reused for an image
#   classifier whose layers carry l2 regularizers. User mistake: compiled_loss is called without
#   regularization_losses=self.losses, and fit runs this override, so the regularizers are dead (WD103).
import argparse

import tensorflow as tf
from tensorflow.keras import layers, regularizers

from datasets import DatasetUtils


def build_classifier(num_classes, wd):
    inputs = tf.keras.Input((224, 224, 3))
    x = layers.Conv2D(64, 7, strides=2, padding="same", kernel_regularizer=regularizers.l2(wd))(inputs)  # expect: WD103
    x = layers.BatchNormalization()(x)
    x = layers.ReLU()(x)
    x = layers.Conv2D(128, 3, strides=2, padding="same", kernel_regularizer=regularizers.l2(wd))(x)  # expect: WD103
    x = layers.GlobalAveragePooling2D()(x)
    outputs = layers.Dense(num_classes, kernel_regularizer=regularizers.l2(wd))(x)  # expect: WD103
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
            loss = self.compiled_loss(labels, preds)
        trainable_vars = self.classifier.trainable_variables
        gradients = tape.gradient(loss, trainable_vars)
        gradients = [tf.clip_by_norm(g, self.max_grad_norm) for g in gradients]
        self.optimizer.apply_gradients(zip(gradients, trainable_vars))
        self.compiled_metrics.update_state(labels, preds)
        return {m.name: m.result() for m in self.metrics}


def parse_args():
    parser = argparse.ArgumentParser(description="Fine-tune a classifier with the custom Trainer.")
    parser.add_argument("--lr", default=1e-2, type=float)
    parser.add_argument("--wd", default=1e-4, type=float)
    parser.add_argument("--batch_size", default=32, type=int)
    parser.add_argument("--num_epochs", default=30, type=int)
    return parser.parse_args()


def run(args):
    data_utils = DatasetUtils(batch_size=args.batch_size)
    training_dataset = data_utils.prepare_dataset()
    trainer = Trainer(classifier=build_classifier(data_utils.num_classes, args.wd))
    trainer.compile(optimizer=tf.keras.optimizers.SGD(args.lr, momentum=0.9),
                    loss=tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True),
                    metrics=["accuracy"])
    trainer.fit(training_dataset, epochs=args.num_epochs)


if __name__ == "__main__":
    run(parse_args())
