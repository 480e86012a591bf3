# Idiom seen in: daigo0927/compare-deeplibs keras/train_tf.py
# Idiom seen in: daigo0927/compare-deeplibs keras/model.py
# What it reproduces: the custom-loop variant of the comparison: the tape differentiates loss_fn(y, logits) only,
#   so the l2 regularizers of model.py (model.losses) are left out of this training.
import argparse
import albumentations as A
import tensorflow as tf
from tqdm import tqdm

from dataset import prepare_samples, Cifar10
from model import get_resnet_mini


def train(dataset_dir, batch_size, learning_rate, epochs):
    input_paths, target_labels = prepare_samples(dataset_dir, train_or_test='train')
    dataset = Cifar10(input_paths, target_labels, batch_size, shuffle=True, preprocess=A.Compose([A.Normalize()]))
    model = get_resnet_mini(input_shape=(32, 32, 3), num_classes=10)
    model.summary()
    optimizer = tf.keras.optimizers.Adam(learning_rate=learning_rate)
    loss_fn = tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True)
    metric = tf.keras.metrics.SparseCategoricalAccuracy()

    @tf.function
    def train_step(x, y):
        with tf.GradientTape() as tape:
            logits = model(x, training=True)
            loss = loss_fn(y, logits)
            metric.update_state(y, logits)
        gradients = tape.gradient(loss, model.trainable_weights)
        optimizer.apply_gradients(zip(gradients, model.trainable_weights))
        return loss

    for e in range(epochs):
        for images, labels in tqdm(dataset):
            train_step(images, labels)
        print(f'Epoch: {e + 1}/{epochs}, accuracy: {metric.result().numpy()}')
        metric.reset_states()


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument('-d', '--dataset-dir', default='../cifar-10')
    parser.add_argument('-b', '--batch-size', type=int, default=32)
    parser.add_argument('-lr', '--learning-rate', type=float, default=0.001)
    parser.add_argument('-e', '--epochs', type=int, default=10)
    args = parser.parse_args()
    train(**vars(args))
