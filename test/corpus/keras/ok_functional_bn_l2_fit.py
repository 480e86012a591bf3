# Idiom seen in: SupercarryNg/Tensorflow-Turtorial Tutorial5_Regularization_Dropout.py
# What it reproduces: a functional CNN with bias-free convs followed by BatchNormalization, l2 kernel
#   regularizers on conv/dense kernels, dropout, trained with the built-in compile()/fit() and Adam(lr).
# label-note: clean: fit() adds model.losses to the loss; the optimizer has no weight_decay; only kernels
#   are regularized (no bias or BN parameter is penalized).
import os

os.environ['TF_CPP_MIN_LOG_LEVEL'] = '2'
import tensorflow as tf
from tensorflow.keras import layers, regularizers
from tensorflow.keras.datasets import mnist

L2 = 0.01


def conv_bn_relu(x, filters):
    x = layers.Conv2D(filters, 3, use_bias=False, padding='same',
                      kernel_regularizer=regularizers.l2(L2))(x)
    x = layers.BatchNormalization()(x)
    x = tf.keras.activations.relu(x)
    return layers.MaxPool2D()(x)


def my_model():
    inputs = tf.keras.Input(shape=(28, 28, 1))
    x = conv_bn_relu(inputs, 32)
    x = conv_bn_relu(x, 128)
    x = layers.Flatten()(x)
    x = layers.Dense(64, activation='relu', kernel_regularizer=regularizers.l2(L2))(x)
    x = layers.Dropout(0.5)(x)
    outputs = layers.Dense(10, activation='softmax')(x)
    return tf.keras.Model(inputs=inputs, outputs=outputs)


if __name__ == '__main__':
    (x_train, y_train), (x_test, y_test) = mnist.load_data()
    x_train = x_train.reshape(-1, 28, 28, 1).astype('float32') / 255.0
    x_test = x_test.reshape(-1, 28, 28, 1).astype('float32') / 255.0

    model = my_model()
    model.compile(
        loss='sparse_categorical_crossentropy',
        optimizer=tf.keras.optimizers.Adam(learning_rate=3e-04),
        metrics=['accuracy'],
    )
    model.fit(x_train, y_train, batch_size=128, epochs=10, verbose=2)
    model.evaluate(x_test, y_test, batch_size=128, verbose=2)
