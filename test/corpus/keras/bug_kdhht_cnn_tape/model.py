# Idiom seen in: kdhht2334/Tensorflow-keras-tutorial 1. Discriminative_model/python_src/2.cifar10_cnn.py
# What it reproduces: the tutorial's functional CIFAR-10 CNN (kernel_regularizer=l2(5e-4) on the convolutions)
#   moved into a builder module; train.py trains it in a GradientTape loop (the bug is there).
import tensorflow as tf

WEIGHT_DECAY = 5e-4


def build_cnn(num_classes=10):
    inputs = tf.keras.Input(shape=(32, 32, 3))
    x = tf.keras.layers.Conv2D(32, 3, kernel_initializer="he_normal",
                               kernel_regularizer=tf.keras.regularizers.l2(WEIGHT_DECAY),
                               padding="same", activation=tf.nn.relu)(inputs)
    x = tf.keras.layers.MaxPooling2D(pool_size=(2, 2), strides=2)(x)
    x = tf.keras.layers.Conv2D(64, 3, kernel_initializer="he_normal",
                               kernel_regularizer=tf.keras.regularizers.l2(WEIGHT_DECAY),
                               padding="same", activation=tf.nn.relu)(x)
    x = tf.keras.layers.MaxPooling2D(pool_size=(2, 2), strides=2)(x)
    x = tf.keras.layers.Flatten()(x)
    x = tf.keras.layers.Dense(128, activation=tf.nn.relu)(x)
    outputs = tf.keras.layers.Dense(num_classes)(x)
    return tf.keras.Model(inputs=inputs, outputs=outputs, name="cifar_cnn")
