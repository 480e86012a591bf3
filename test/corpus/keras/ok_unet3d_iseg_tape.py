# Idiom seen in: Andrewsher/3d-unet-tf train.py
# Idiom seen in: Andrewsher/3d-unet-tf models/unet.py
# What it reproduces: a subclassed 3D U-Net for infant brain MRI (iSeg-2019) built with Unet(n_class, weight_decay)
#   whose Conv3D layers get l2(weight_decay); the k-fold GradientTape loop adds tf.add_n(model.losses) to the dice
#   loss inside the tape before tape.gradient(..., model.trainable_variables). Clean.
import argparse
import os

import numpy as np
import tensorflow as tf
from sklearn.model_selection import KFold
from tensorflow.keras import layers, regularizers

from dataset.dataset import get_dataset_hdr
from loss.loss import dice_loss


class ConvBlock(tf.keras.layers.Layer):
    def __init__(self, filters, weight_decay):
        super(ConvBlock, self).__init__()
        self.conv1 = layers.Conv3D(filters, 3, padding='same', kernel_regularizer=regularizers.l2(weight_decay))
        self.bn1 = layers.BatchNormalization()
        self.conv2 = layers.Conv3D(filters, 3, padding='same', kernel_regularizer=regularizers.l2(weight_decay))
        self.bn2 = layers.BatchNormalization()

    def call(self, x, training=False):
        x = tf.nn.relu(self.bn1(self.conv1(x), training=training))
        return tf.nn.relu(self.bn2(self.conv2(x), training=training))


class Unet(tf.keras.Model):
    def __init__(self, n_class=4, base=16, weight_decay=1e-5):
        super(Unet, self).__init__()
        self.down = [ConvBlock(base * 2 ** i, weight_decay) for i in range(3)]
        self.pool = layers.MaxPool3D(2)
        self.bridge = ConvBlock(base * 8, weight_decay)
        self.up = [layers.Conv3DTranspose(base * 2 ** i, 2, strides=2, kernel_regularizer=regularizers.l2(weight_decay))
                   for i in reversed(range(3))]
        self.dec = [ConvBlock(base * 2 ** i, weight_decay) for i in reversed(range(3))]
        self.out = layers.Conv3D(n_class, 1, activation='softmax')

    def call(self, x, training=False):
        skips = []
        for block in self.down:
            x = block(x, training=training)
            skips.append(x)
            x = self.pool(x)
        x = self.bridge(x, training=training)
        for up, dec, skip in zip(self.up, self.dec, reversed(skips)):
            x = dec(tf.concat([up(x), skip], axis=-1), training=training)
        return self.out(x)


def parse_args():
    parser = argparse.ArgumentParser(description='train')
    parser.add_argument('-d', '--data-path', default='/data/iseg2019/training_h5/iseg2019_training.h5', type=str)
    parser.add_argument('-t', '--target-path', default='output-1', type=str)
    parser.add_argument('--batch-size', type=int, default=8)
    parser.add_argument('--epochs', type=int, default=100)
    parser.add_argument('--lr', type=float, default=0.0001)
    parser.add_argument('--weight-decay', type=float, default=1e-5)
    return parser.parse_args()


def train(fold, train_case_indexes, val_case_indexes, args):
    tf.keras.backend.clear_session()
    model = Unet(n_class=4, weight_decay=args.weight_decay)
    optimizer = tf.keras.optimizers.Adam(learning_rate=args.lr)
    loss_metric = tf.keras.metrics.Mean(name='train_loss')
    train_dataset = get_dataset_hdr(args.data_path, case_indexes=train_case_indexes, batch_size=args.batch_size,
                                    is_training=True)
    for epoch in range(args.epochs):
        loss_metric.reset_states()
        for images, labels in train_dataset:
            with tf.GradientTape() as tape:
                predictions = model(images, training=True)
                train_loss = dice_loss(labels, predictions) + tf.add_n(model.losses)
            gradients = tape.gradient(train_loss, model.trainable_variables)
            optimizer.apply_gradients(zip(gradients, model.trainable_variables))
            loss_metric.update_state(train_loss)
        print('fold %d epoch %d loss %.5f' % (fold, epoch + 1, np.round(loss_metric.result().numpy(), 5)))
    model.save_weights(os.path.join(args.target_path, 'fold_%d' % fold, 'weights'))


if __name__ == '__main__':
    args = parse_args()
    kfold = KFold(n_splits=5, shuffle=True, random_state=0)
    for fold, (train_idx, val_idx) in enumerate(kfold.split(np.arange(10))):
        train(fold, train_idx, val_idx, args)
