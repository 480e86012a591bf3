# Idiom seen in: jzuern/keras-resnet cifar10.py
# What it reproduces: compile/fit of ResnetBuilder.build_resnet_18 with Keras AdamW, which decays every
# kernel itself (biases and BN scales excluded), on top of the l2 regularizers of resnet.py (WD201 there).
import numpy as np
import tensorflow as tf
from tensorflow.keras.callbacks import ReduceLROnPlateau, CSVLogger, EarlyStopping

import resnet

batch_size = 32
nb_classes = 10
nb_epoch = 200

(X_train, y_train), (X_test, y_test) = tf.keras.datasets.cifar10.load_data()
Y_train = tf.keras.utils.to_categorical(y_train, nb_classes)
Y_test = tf.keras.utils.to_categorical(y_test, nb_classes)
X_train = X_train.astype('float32')
X_test = X_test.astype('float32')
mean_image = np.mean(X_train, axis=0)
X_train = (X_train - mean_image) / 128.
X_test = (X_test - mean_image) / 128.

model = resnet.ResnetBuilder.build_resnet_18((32, 32, 3), nb_classes)

optimizer = tf.keras.optimizers.AdamW(learning_rate=1e-3, weight_decay=4e-3)
optimizer.exclude_from_weight_decay(var_names=['bias', 'gamma', 'beta'])
model.compile(optimizer=optimizer, loss='categorical_crossentropy', metrics=['accuracy'])

model.fit(X_train, Y_train, batch_size=batch_size, epochs=nb_epoch,
          validation_data=(X_test, Y_test), shuffle=True,
          callbacks=[ReduceLROnPlateau(factor=np.sqrt(0.1), patience=5, min_lr=0.5e-6),
                     EarlyStopping(min_delta=0.001, patience=10),
                     CSVLogger('resnet18_cifar10.csv')])
