# Idiom seen in: GoogleCloudPlatform/keras-idiomatic-programmer zoo/resnet/resnet_v1.5_c.py
# What it reproduces: a composable ResNet built with regularizer=l2(1e-4) and trained as the zoo does, with
# model.compile(...) and model.fit(...): Keras adds the l2 terms of model.losses itself: clean.
import argparse

import tensorflow as tf
from tensorflow.keras import Input, Model
from tensorflow.keras.layers import GlobalAveragePooling2D, Add
from tensorflow.keras.regularizers import l2
from tensorflow.keras.callbacks import LearningRateScheduler

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
        self.model = Model(inputs, self.Dense(x, n_classes, activation='softmax'))


def schedule(epoch, lr):
    return lr * 0.1 if epoch in (30, 60) else lr


def main(args):
    resnet = ResNet(regularizer=l2(args.l2))
    resnet.model.compile(loss='sparse_categorical_crossentropy',
                         optimizer=tf.keras.optimizers.SGD(args.lr, momentum=0.9),
                         metrics=['acc'])
    (x_train, y_train), (x_test, y_test) = get_cifar10(as_numpy=True)
    resnet.model.fit(x_train, y_train, batch_size=args.batch_size, epochs=args.epochs,
                     validation_data=(x_test, y_test),
                     callbacks=[LearningRateScheduler(schedule)])


if __name__ == '__main__':
    p = argparse.ArgumentParser()
    p.add_argument('--l2', type=float, default=1e-4)
    p.add_argument('--lr', type=float, default=0.1)
    p.add_argument('--batch_size', type=int, default=128)
    p.add_argument('--epochs', type=int, default=90)
    main(p.parse_args())
