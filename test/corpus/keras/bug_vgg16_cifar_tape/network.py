# Idiom seen in: dragen1860/TensorFlow-2.x-Tutorials 06-CIFAR-VGG/network.py
# Idiom seen in: dragen1860/TensorFlow-2.x-Tutorials lesson15-CIFAR-VGG/main.py
# What it reproduces: the VGG16 subclassed model puts l2(weight_decay) on every conv/dense kernel, but main.py
# trains it with a GradientTape whose loss is only the cross-entropy: model.losses is never added.
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers, models, regularizers


class VGG16(models.Model):

    def __init__(self, input_shape):
        super(VGG16, self).__init__()
        weight_decay = 0.0005
        self.num_classes = 10

        model = models.Sequential()
        model.add(layers.Conv2D(64, (3, 3), padding='same', input_shape=input_shape, kernel_regularizer=regularizers.l2(weight_decay)))  # expect: WD103
        model.add(layers.Activation('relu'))
        model.add(layers.BatchNormalization())
        model.add(layers.Dropout(0.3))
        model.add(layers.Conv2D(64, (3, 3), padding='same', kernel_regularizer=regularizers.l2(weight_decay)))  # expect: WD103
        model.add(layers.Activation('relu'))
        model.add(layers.BatchNormalization())
        model.add(layers.MaxPooling2D(pool_size=(2, 2)))

        model.add(layers.Conv2D(128, (3, 3), padding='same', kernel_regularizer=regularizers.l2(weight_decay)))  # expect: WD103
        model.add(layers.Activation('relu'))
        model.add(layers.BatchNormalization())
        model.add(layers.Dropout(0.4))
        model.add(layers.Conv2D(128, (3, 3), padding='same', kernel_regularizer=regularizers.l2(weight_decay)))  # expect: WD103
        model.add(layers.Activation('relu'))
        model.add(layers.BatchNormalization())
        model.add(layers.MaxPooling2D(pool_size=(2, 2)))

        model.add(layers.Conv2D(256, (3, 3), padding='same', kernel_regularizer=regularizers.l2(weight_decay)))  # expect: WD103
        model.add(layers.Activation('relu'))
        model.add(layers.BatchNormalization())
        model.add(layers.MaxPooling2D(pool_size=(2, 2)))
        model.add(layers.Dropout(0.5))

        model.add(layers.Flatten())
        model.add(layers.Dense(512, kernel_regularizer=regularizers.l2(weight_decay)))  # expect: WD103
        model.add(layers.Activation('relu'))
        model.add(layers.BatchNormalization())
        model.add(layers.Dropout(0.5))
        model.add(layers.Dense(self.num_classes))

        self.model = model

    def call(self, x):
        return self.model(x)
