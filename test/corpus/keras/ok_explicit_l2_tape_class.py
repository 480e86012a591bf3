# Idiom seen in: lionelmessi6410/tensorflow2-cifar train.py
# What it reproduces: a trainer class with self.weight_decay = 5e-4 and no Keras regularizers;
# its tf.function train_step adds l2_loss * weight_decay (sum of tf.nn.l2_loss over all
# trainable variables) to the cross entropy before tape.gradient. Correctly wired.
import argparse
import os

import tensorflow as tf

from models import ResNet
from utils import dataset_generator, get_dataset, normalize

parser = argparse.ArgumentParser(description='TensorFlow2.0 CIFAR-10 Training')
parser.add_argument('--model', default='resnet18', type=str, help='model type')
parser.add_argument('--lr', default=1e-1, type=float, help='learning rate')
parser.add_argument('--batch_size', default=128, type=int, help='batch size')
parser.add_argument('--epoch', default=200, type=int, help='number of training epoch')
parser.add_argument('--gpu', default=0, type=int, help='specify which gpu to be used')
args = parser.parse_args()
os.environ["CUDA_VISIBLE_DEVICES"] = str(args.gpu)


class Model():
    def __init__(self, model_type, decay_steps, num_classes=10):
        self.model = ResNet(model_type, num_classes)
        self.loss_object = tf.keras.losses.CategoricalCrossentropy()
        learning_rate_fn = tf.keras.experimental.CosineDecay(args.lr, decay_steps=decay_steps)
        self.optimizer = tf.keras.optimizers.SGD(learning_rate=learning_rate_fn, momentum=0.9)
        self.weight_decay = 5e-4
        self.train_loss = tf.keras.metrics.Mean(name='train_loss')
        self.train_accuracy = tf.keras.metrics.CategoricalAccuracy(name='train_accuracy')

    @tf.function
    def train_step(self, images, labels):
        with tf.GradientTape() as tape:
            predictions = self.model(images, training=True)
            # Cross-entropy loss
            ce_loss = self.loss_object(labels, predictions)
            # L2 loss (weight decay)
            l2_loss = tf.add_n([tf.nn.l2_loss(v) for v in self.model.trainable_variables])
            loss = ce_loss + l2_loss * self.weight_decay
        gradients = tape.gradient(loss, self.model.trainable_variables)
        self.optimizer.apply_gradients(zip(gradients, self.model.trainable_variables))
        self.train_loss(loss)
        self.train_accuracy(labels, predictions)

    def train(self, train_ds, epoch):
        for e in range(epoch):
            self.train_loss.reset_states()
            self.train_accuracy.reset_states()
            for images, labels in train_ds:
                self.train_step(images, labels)
            print('Epoch {:0}, Loss: {:.4f}, Accuracy: {:.2f}%'.format(
                e + 1, self.train_loss.result(), self.train_accuracy.result() * 100))


def main():
    train_images, train_labels, test_images, test_labels = get_dataset()
    train_images = normalize(train_images)
    train_ds = dataset_generator(train_images, train_labels, args.batch_size)
    decay_steps = int(args.epoch * len(train_images) / args.batch_size)
    model = Model(args.model, decay_steps)
    model.train(train_ds, args.epoch)


if __name__ == "__main__":
    main()
