# Idiom seen in: duckzhao/tensorflow2_learning self_code/ResNet.py
# What it reproduces: baseline_model.compile(optimizer='adam', ...) + fit with a ModelCheckpoint callback;
#   fit adds the Dense layer's l2 term to the loss. Clean.
import os

import tensorflow as tf

from resnet import ResNet

(x_train, y_train), (x_test, y_test) = tf.keras.datasets.cifar10.load_data()
x_train, x_test = x_train / 255.0, x_test / 255.0

baseline_model = ResNet([2, 2, 2, 2], initial_filters=64, l2_scale=5e-4)
baseline_model.compile(optimizer='adam',
                       loss=tf.keras.losses.SparseCategoricalCrossentropy(from_logits=False),
                       metrics=['sparse_categorical_accuracy'])

check_point_path = './check_point/ResNet.ckpt'
if os.path.exists(check_point_path + '.index'):
    print('-------------load the model-------------')
    baseline_model.load_weights(check_point_path)

cp_callback = tf.keras.callbacks.ModelCheckpoint(filepath=check_point_path, save_weights_only=True,
                                                 save_best_only=True)
history = baseline_model.fit(x_train, y_train, batch_size=128, epochs=5, validation_data=(x_test, y_test),
                             validation_freq=1, callbacks=[cp_callback])
baseline_model.summary()
