# Idiom seen in: keras-team/keras-contrib keras_contrib/applications/densenet.py
# What it reproduces: a DenseNet builder that threads weight_decay from DenseNet(...) through every block into a helper
#   returning l2(weight_decay) only "if weight_decay:"; the config module sets WEIGHT_DECAY = 0.0 and every call passes it,
#   so no layer ever gets a regularizer and the decay machinery is dead (user config; keras-contrib uses 1e-4).
import tensorflow as tf

import config
from densenet import DenseNet
from cifar_data import load_cifar10

(x_train, y_train), (x_test, y_test) = load_cifar10()

model = DenseNet(input_shape=(32, 32, 3), depth=config.DEPTH, growth_rate=config.GROWTH_RATE,
                 dropout_rate=config.DROPOUT_RATE, weight_decay=config.WEIGHT_DECAY, classes=10)

optimizer = tf.keras.optimizers.SGD(learning_rate=config.LEARNING_RATE, momentum=config.MOMENTUM,
                                    nesterov=True)
model.compile(loss='categorical_crossentropy', optimizer=optimizer, metrics=['accuracy'])

lr_schedule = tf.keras.callbacks.LearningRateScheduler(
    lambda epoch: config.LEARNING_RATE * (0.1 ** (int(epoch >= 150) + int(epoch >= 225))))
model.fit(x_train, y_train, batch_size=config.BATCH_SIZE, epochs=config.EPOCHS,
          validation_data=(x_test, y_test), callbacks=[lr_schedule])
