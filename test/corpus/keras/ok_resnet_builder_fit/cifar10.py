# Idiom seen in: Briwisdom/resnet_cifar10 cifar10.py
# What it reproduces: the repo's CIFAR-10 script: ResnetBuilder.build_resnet_34 with L2 kernel regularizers,
# compiled with 'adam' and trained with fit_generator / fit, so Keras adds model.losses to the loss. Clean.
from __future__ import print_function
import os

import numpy as np
from keras.datasets import cifar10
from keras.preprocessing.image import ImageDataGenerator
from keras.utils import np_utils
from keras.callbacks import ReduceLROnPlateau, CSVLogger, EarlyStopping
from keras.models import load_model

import resnet

lr_reducer = ReduceLROnPlateau(factor=np.sqrt(0.1), cooldown=0, patience=5, min_lr=0.5e-6)
early_stopper = EarlyStopping(min_delta=0.001, patience=10)
csv_logger = CSVLogger('resnet34_cifar10.csv')

batch_size = 128
nb_classes = 10
nb_epoch = 200
img_rows, img_cols, img_channels = 32, 32, 3

(X_train, y_train), (X_test, y_test) = cifar10.load_data()
Y_train = np_utils.to_categorical(y_train, nb_classes)
Y_test = np_utils.to_categorical(y_test, nb_classes)
X_train = X_train.astype('float32')
X_test = X_test.astype('float32')
mean_image = np.mean(X_train, axis=0)
X_train = (X_train - mean_image) / 128.
X_test = (X_test - mean_image) / 128.

weight_file = './savemodel/model.h5'
if os.path.exists(weight_file):
    model = load_model(weight_file)
else:
    model = resnet.ResnetBuilder.build_resnet_34((img_channels, img_rows, img_cols), nb_classes)
    model.compile(loss='categorical_crossentropy', optimizer='adam', metrics=['accuracy'])

datagen = ImageDataGenerator(width_shift_range=0.1, height_shift_range=0.1, horizontal_flip=True)
datagen.fit(X_train)
model.fit_generator(datagen.flow(X_train, Y_train, batch_size=batch_size),
                    steps_per_epoch=X_train.shape[0] // batch_size,
                    validation_data=(X_test, Y_test), epochs=nb_epoch, verbose=1,
                    callbacks=[lr_reducer, early_stopper, csv_logger])
model.save(weight_file)
