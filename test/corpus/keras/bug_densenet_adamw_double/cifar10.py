# Idiom seen in: titu1994/DenseNet densenet.py
# Idiom seen in: titu1994/DenseNet cifar10.py
# What it reproduces: a DenseNet builder that threads weight_decay into kernel_regularizer=l2(weight_decay) of every conv
#   and the classifier; this user variant moved the CIFAR script from Adam to Keras AdamW(weight_decay=...) and kept
#   the regularizers, so each kernel is decayed twice (WD201), and AdamW also decays BN gamma/beta and biases (WD203).
import numpy as np
import tensorflow as tf
from tensorflow.keras.callbacks import ModelCheckpoint, ReduceLROnPlateau
from tensorflow.keras.datasets import cifar10
from tensorflow.keras.preprocessing.image import ImageDataGenerator
from tensorflow.keras.utils import to_categorical

import densenet

batch_size = 100
nb_classes = 10
nb_epoch = 300

model = densenet.DenseNet((32, 32, 3), depth=40, nb_dense_block=3, growth_rate=12, nb_filter=-1,
                          weight_decay=1e-4, classes=nb_classes)

# AdamW instead of SGD to speed up training
optimizer = tf.keras.optimizers.AdamW(learning_rate=1e-3,
                                      weight_decay=1e-4)  # expect: WD203
model.compile(loss='categorical_crossentropy', optimizer=optimizer, metrics=["accuracy"])

(trainX, trainY), (testX, testY) = cifar10.load_data()
trainX = (trainX.astype('float32') - 127.5) / 127.5
testX = (testX.astype('float32') - 127.5) / 127.5
Y_train = to_categorical(trainY, nb_classes)
Y_test = to_categorical(testY, nb_classes)

generator = ImageDataGenerator(width_shift_range=5. / 32, height_shift_range=5. / 32, horizontal_flip=True)
generator.fit(trainX, seed=0)

callbacks = [ReduceLROnPlateau(monitor='val_accuracy', factor=np.sqrt(0.1), patience=5, min_lr=1e-5),
             ModelCheckpoint('weights/DenseNet-40-12-CIFAR10.h5', monitor='val_accuracy',
                             save_best_only=True, save_weights_only=True)]
model.fit(generator.flow(trainX, Y_train, batch_size=batch_size),
          steps_per_epoch=len(trainX) // batch_size, epochs=nb_epoch,
          callbacks=callbacks, validation_data=(testX, Y_test), verbose=2)
