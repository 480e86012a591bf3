# Idiom seen in: kousokujin/keras-resnet run.py
# What it reproduces: CIFAR-10 training of the builder's ResNet-18 with compile(SGD momentum)/fit and
# ReduceLROnPlateau; fit adds the l2 terms of the layers to the loss. Clean.
import json
import sys

import numpy as np
from keras.callbacks import ReduceLROnPlateau, CSVLogger
from keras.optimizers import SGD
from keras.utils import np_utils

from Datasets import load_cifar10
from resnet import build_resnet18

options = json.load(open(sys.argv[1])) if len(sys.argv) > 1 else {'epochs': 200, 'batch_size': 128}

(x_train, y_train), (x_test, y_test) = load_cifar10()
y_train = np_utils.to_categorical(y_train, 10)
y_test = np_utils.to_categorical(y_test, 10)
mean = np.mean(x_train, axis=0)
x_train, x_test = (x_train - mean) / 128.0, (x_test - mean) / 128.0

model = build_resnet18((32, 32, 3), 10)
model.compile(loss='categorical_crossentropy',
              optimizer=SGD(lr=0.1, momentum=0.9, nesterov=True),
              metrics=['accuracy'])
model.fit(x_train, y_train,
          batch_size=options['batch_size'],
          epochs=options['epochs'],
          validation_data=(x_test, y_test),
          callbacks=[ReduceLROnPlateau(factor=np.sqrt(0.1), patience=5, min_lr=0.5e-6),
                     CSVLogger('result.csv')])
