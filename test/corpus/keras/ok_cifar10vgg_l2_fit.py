# Idiom seen in: geifmany/cifar-vgg cifar10vgg.py
# What it reproduces: the cifar10vgg class: self.weight_decay = 0.0005 as kernel_regularizer on every
#   conv and the first dense layer, SGD(lr=0.1, decay=1e-6, momentum=0.9, nesterov=True) where decay is
#   Keras 2's learning-rate decay, and fit_generator, which adds the l2 terms to the loss. Clean.
from __future__ import print_function

import keras
import numpy as np
from keras import optimizers, regularizers
from keras.datasets import cifar10
from keras.layers import Activation, BatchNormalization, Conv2D, Dense, Dropout, Flatten, MaxPooling2D
from keras.models import Sequential
from keras.preprocessing.image import ImageDataGenerator


class cifar10vgg:
    def __init__(self, train=True):
        self.num_classes = 10
        self.weight_decay = 0.0005
        self.x_shape = [32, 32, 3]
        self.model = self.build_model()
        if train:
            self.model = self.train(self.model)
        else:
            self.model.load_weights('cifar10vgg.h5')

    def build_model(self):
        model = Sequential()
        weight_decay = self.weight_decay
        first = True
        for filters, drops in [(64, [0.3, None]), (128, [0.4, None]), (256, [0.4, 0.4, None]),
                               (512, [0.4, 0.4, None]), (512, [0.4, 0.4, None])]:
            for drop in drops:
                if first:
                    model.add(Conv2D(filters, (3, 3), padding='same', input_shape=self.x_shape,
                                     kernel_regularizer=regularizers.l2(weight_decay)))
                    first = False
                else:
                    model.add(Conv2D(filters, (3, 3), padding='same',
                                     kernel_regularizer=regularizers.l2(weight_decay)))
                model.add(Activation('relu'))
                model.add(BatchNormalization())
                if drop is not None:
                    model.add(Dropout(drop))
            model.add(MaxPooling2D(pool_size=(2, 2)))
        model.add(Dropout(0.5))
        model.add(Flatten())
        model.add(Dense(512, kernel_regularizer=regularizers.l2(weight_decay)))
        model.add(Activation('relu'))
        model.add(BatchNormalization())
        model.add(Dropout(0.5))
        model.add(Dense(self.num_classes))
        model.add(Activation('softmax'))
        return model

    def normalize(self, X_train, X_test):
        mean = np.mean(X_train, axis=(0, 1, 2, 3))
        std = np.std(X_train, axis=(0, 1, 2, 3))
        return (X_train - mean) / (std + 1e-7), (X_test - mean) / (std + 1e-7)

    def train(self, model):
        batch_size = 128
        maxepoches = 250
        learning_rate = 0.1
        lr_decay = 1e-6
        lr_drop = 20
        (x_train, y_train), (x_test, y_test) = cifar10.load_data()
        x_train, x_test = self.normalize(x_train.astype('float32'), x_test.astype('float32'))
        y_train = keras.utils.to_categorical(y_train, self.num_classes)
        y_test = keras.utils.to_categorical(y_test, self.num_classes)

        def lr_scheduler(epoch):
            return learning_rate * (0.5 ** (epoch // lr_drop))
        reduce_lr = keras.callbacks.LearningRateScheduler(lr_scheduler)

        datagen = ImageDataGenerator(rotation_range=15, width_shift_range=0.1,
                                     height_shift_range=0.1, horizontal_flip=True)
        datagen.fit(x_train)

        sgd = optimizers.SGD(lr=learning_rate, decay=lr_decay, momentum=0.9, nesterov=True)
        model.compile(loss='categorical_crossentropy', optimizer=sgd, metrics=['accuracy'])
        model.fit_generator(datagen.flow(x_train, y_train, batch_size=batch_size),
                            steps_per_epoch=x_train.shape[0] // batch_size, epochs=maxepoches,
                            validation_data=(x_test, y_test), callbacks=[reduce_lr], verbose=2)
        model.save_weights('cifar10vgg.h5')
        return model


if __name__ == '__main__':
    model = cifar10vgg()
