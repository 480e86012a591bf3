# Idiom seen in: lionelmessi6410/tensorflow2-cifar train.py (ce_loss + l2_loss * weight_decay)
# What it reproduces: the same hand-written decay, but the weighted L2 sum is computed in the tape
# and the loss line was left as the cross entropy only (the addition was dropped while debugging):
# the term is assigned and never used (WD104 on the line that computes it).
import argparse

import tensorflow as tf

from models import VGG
from utils import get_dataset, dataset_generator

parser = argparse.ArgumentParser(description='TensorFlow2.0 CIFAR-10 Training')
parser.add_argument('--lr', default=1e-2, type=float, help='learning rate')
parser.add_argument('--batch_size', default=128, type=int, help='batch size')
parser.add_argument('--epoch', default=100, type=int, help='number of training epoch')
parser.add_argument('--wd', default=5e-4, type=float, help='weight decay')
args = parser.parse_args()


class Trainer():
    def __init__(self, num_classes=10):
        self.model = VGG('vgg16', num_classes)
        self.loss_object = tf.keras.losses.CategoricalCrossentropy()
        self.optimizer = tf.keras.optimizers.SGD(learning_rate=args.lr, momentum=0.9)
        self.weight_decay = args.wd
        self.train_loss = tf.keras.metrics.Mean(name='train_loss')

    @tf.function
    def train_step(self, images, labels):
        with tf.GradientTape() as tape:
            predictions = self.model(images, training=True)
            ce_loss = self.loss_object(labels, predictions)
            l2_loss = self.weight_decay * tf.add_n([tf.nn.l2_loss(v) for v in self.model.trainable_variables])  # expect: WD104
            loss = ce_loss
        gradients = tape.gradient(loss, self.model.trainable_variables)
        self.optimizer.apply_gradients(zip(gradients, self.model.trainable_variables))
        self.train_loss(loss)

    def train(self, train_ds, epochs):
        for e in range(epochs):
            self.train_loss.reset_states()
            for images, labels in train_ds:
                self.train_step(images, labels)
            print('Epoch {:0}, Loss: {:.4f}'.format(e + 1, self.train_loss.result()))


def main():
    train_images, train_labels, _, _ = get_dataset()
    train_ds = dataset_generator(train_images, train_labels, args.batch_size)
    Trainer().train(train_ds, args.epoch)


if __name__ == '__main__':
    main()
