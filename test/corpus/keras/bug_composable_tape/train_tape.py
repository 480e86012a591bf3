# Idiom seen in: GoogleCloudPlatform/keras-idiomatic-programmer zoo/resnet/resnet_v1.5_c.py
# What it reproduces: a composable ResNet built with regularizer=l2(1e-4), trained (user edit) with a
# hand-written tf.function step whose loss is the cross entropy alone: the l2 terms in model.losses are never
# added (WD103 at the keywords in layers_c.py).
import argparse

import tensorflow as tf
from tensorflow.keras import Input, Model
from tensorflow.keras.layers import GlobalAveragePooling2D, Add
from tensorflow.keras.regularizers import l2

from layers_c import Layers
from datasets import get_cifar10


class ResNet(Layers):
    groups = [{'n_filters': 64, 'n_blocks': 2}, {'n_filters': 128, 'n_blocks': 2},
              {'n_filters': 256, 'n_blocks': 2}]

    def __init__(self, input_shape=(32, 32, 3), n_classes=10, **hyperparameters):
        Layers.__init__(self, **hyperparameters)
        inputs = Input(input_shape)
        x = self.ReLU(self.BatchNormalization(self.Conv2D(inputs, 64, (3, 3))))
        for group in self.groups:
            for i in range(group['n_blocks']):
                shortcut = x
                strides = (2, 2) if i == 0 and group['n_filters'] != 64 else (1, 1)
                x = self.ReLU(self.BatchNormalization(self.Conv2D(x, group['n_filters'], (3, 3), strides)))
                x = self.BatchNormalization(self.Conv2D(x, group['n_filters'], (3, 3)))
                if strides != (1, 1):
                    shortcut = self.Conv2D(shortcut, group['n_filters'], (1, 1), strides)
                x = self.ReLU(Add()([x, shortcut]))
        x = GlobalAveragePooling2D()(x)
        outputs = self.Dense(x, n_classes)
        self._model = Model(inputs, outputs)

    @property
    def model(self):
        return self._model


def main(args):
    resnet = ResNet(regularizer=l2(args.l2))
    model = resnet.model
    optimizer = tf.keras.optimizers.SGD(args.lr, momentum=0.9)
    loss_fn = tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True)
    acc = tf.keras.metrics.SparseCategoricalAccuracy()

    @tf.function
    def train_step(x, y):
        with tf.GradientTape() as tape:
            logits = model(x, training=True)
            loss = loss_fn(y, logits)
        grads = tape.gradient(loss, model.trainable_variables)
        optimizer.apply_gradients(zip(grads, model.trainable_variables))
        acc.update_state(y, logits)
        return loss

    train_ds = get_cifar10('train', batch_size=args.batch_size)
    for epoch in range(args.epochs):
        for x, y in train_ds:
            loss = train_step(x, y)
        print('epoch', epoch, 'loss', float(loss), 'acc', float(acc.result()))
        acc.reset_states()


if __name__ == '__main__':
    p = argparse.ArgumentParser()
    p.add_argument('--l2', type=float, default=1e-4)
    p.add_argument('--lr', type=float, default=0.1)
    p.add_argument('--batch_size', type=int, default=128)
    p.add_argument('--epochs', type=int, default=90)
    main(p.parse_args())
