# Idiom seen in: keras-team/keras-contrib keras_contrib/applications/densenet.py
# What it reproduces: keras-contrib's DenseNet builder style, every conv and the classifier built with
#   kernel_regularizer=l2(weight_decay), weight_decay = 1e-4 from argparse, trained with compile/fit (which adds
#   model.losses) and an SGD optimizer that has no weight_decay of its own: the decay is applied once, clean.
import argparse

import tensorflow as tf

from densenet import DenseNet
from cifar_data import load_cifar10

parser = argparse.ArgumentParser()
parser.add_argument('--depth', type=int, default=40)
parser.add_argument('--growth_rate', type=int, default=12)
parser.add_argument('--weight_decay', type=float, default=1e-4)
parser.add_argument('--lr', type=float, default=0.1)
parser.add_argument('--batch_size', type=int, default=64)
parser.add_argument('--epochs', type=int, default=300)
args = parser.parse_args()

(x_train, y_train), (x_test, y_test) = load_cifar10()
model = DenseNet(depth=args.depth, growth_rate=args.growth_rate, weight_decay=args.weight_decay)
model.compile(loss='categorical_crossentropy',
              optimizer=tf.keras.optimizers.SGD(learning_rate=args.lr, momentum=0.9, nesterov=True),
              metrics=['accuracy'])
model.fit(x_train, y_train, batch_size=args.batch_size, epochs=args.epochs,
          validation_data=(x_test, y_test),
          callbacks=[tf.keras.callbacks.ReduceLROnPlateau(factor=0.1, patience=20)])
