# Idiom seen in: ChibiMaruko2013210855/DenseNet-Keras-master cifar10.py
# What it reproduces: the repo's training script: DenseNet(reduction=0.5, classes=10) compiled with
# SGD(lr=1e-2, decay=1e-6, momentum=0.9, nesterov=True) and fit; `decay` here is learning-rate decay, and the
# model's weight_decay argument reaches no layer, so there is no weight decay anywhere to report.
import keras
from keras.optimizers import SGD
from keras.datasets import cifar10

from densenet121 import DenseNet

nb_classes = 10
model = DenseNet(reduction=0.5, classes=nb_classes, weight_decay=1e-4)

sgd = SGD(lr=1e-2, decay=1e-6, momentum=0.9, nesterov=True)
model.compile(optimizer=sgd, loss='categorical_crossentropy', metrics=['accuracy'])

(x_train, y_train), (x_test, y_test) = cifar10.load_data()
y_train = keras.utils.to_categorical(y_train, nb_classes)

model.fit(x=x_train, y=y_train, epochs=30, batch_size=64)
model.save_weights('imagenet_models/densenet121_weights_tf_cifar10.h5')
