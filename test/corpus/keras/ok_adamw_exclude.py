# Idiom seen in: ChibiMaruko2013210855/DenseNet-Keras-master cifar10.py
# What it reproduces: the repo's short CIFAR-10 fine-tuning script (DenseNet(reduction=0.5, classes=10),
# compile, fit, save_weights) with the SGD swapped for Keras AdamW whose decoupled decay is kept off biases and
# normalization variables via exclude_from_weight_decay; no layer regularizers, so nothing is decayed twice. Clean.
import tensorflow as tf
from tensorflow.keras.datasets import cifar10

from densenet121 import DenseNet

nb_classes = 10
model = DenseNet(reduction=0.5, classes=nb_classes)

optimizer = tf.keras.optimizers.AdamW(learning_rate=1e-3, weight_decay=0.05)
optimizer.exclude_from_weight_decay(var_names=['bias', 'gamma', 'beta', '_bn', '_scale'])
model.compile(optimizer=optimizer, loss='categorical_crossentropy', metrics=['accuracy'])

(x_train, y_train), (x_test, y_test) = cifar10.load_data()
x_train = x_train.astype('float32') / 255.0
x_test = x_test.astype('float32') / 255.0
y_train = tf.keras.utils.to_categorical(y_train, nb_classes)
y_test = tf.keras.utils.to_categorical(y_test, nb_classes)

model.fit(x=x_train, y=y_train, epochs=30, batch_size=64, validation_data=(x_test, y_test))
model.save_weights('imagenet_models/densenet121_weights_tf_cifar10.h5')
