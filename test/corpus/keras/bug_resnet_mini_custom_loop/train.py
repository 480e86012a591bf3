# Idiom seen in: daigo0927/compare-deeplibs keras/train.py
# Idiom seen in: daigo0927/compare-deeplibs keras/model.py
# What it reproduces: the compile/fit variant of the comparison; fit adds the model's l2 terms itself, so this
#   script is fine on its own (the WD103 labels in model.py come from train_tf.py).
import argparse
import albumentations as A
import tensorflow as tf

from dataset import prepare_samples, Cifar10
from model import get_resnet_mini


def train(dataset_dir, batch_size, learning_rate, epochs):
    input_paths, target_labels = prepare_samples(dataset_dir, train_or_test='train')
    dataset = Cifar10(input_paths, target_labels, batch_size, shuffle=True, preprocess=A.Compose([A.Normalize()]))
    model = get_resnet_mini(input_shape=(32, 32, 3), num_classes=10)
    model.compile(optimizer=tf.keras.optimizers.Adam(learning_rate=learning_rate),
                  loss=tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True),
                  metrics=[tf.keras.metrics.SparseCategoricalAccuracy()])
    model.fit(dataset, epochs=epochs)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument('-d', '--dataset-dir', default='../cifar-10')
    parser.add_argument('-b', '--batch-size', type=int, default=32)
    parser.add_argument('-lr', '--learning-rate', type=float, default=0.001)
    parser.add_argument('-e', '--epochs', type=int, default=10)
    args = parser.parse_args()
    train(**vars(args))
