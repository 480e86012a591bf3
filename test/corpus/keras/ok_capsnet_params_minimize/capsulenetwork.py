# Idiom seen in: MaxPoon/Implementations-of-Deep-Learning-Models Dynamic_Routing_Between_Capsules/params.py
# Idiom seen in: MaxPoon/Implementations-of-Deep-Learning-Models Dynamic_Routing_Between_Capsules/capsulenetwork.py
# What it reproduces: CapsNet whose layer hyper-parameters live in a params module as kwargs dicts
#   (here with kernel_regularizer entries, splatted into Conv2D/Dense), trained in TF2 with
#   optimizer.minimize(loss_fn, var_list=...) where loss_fn adds tf.add_n(model.losses) (clean).
import numpy as np
import tensorflow as tf
from tensorflow.keras import layers, models

from params import *
from customlayers import Capsule, Length, Mask, squash


def load_mnist_data():
    (x_train, y_train), (x_test, y_test) = tf.keras.datasets.mnist.load_data()
    x_train = x_train.reshape(-1, 28, 28, 1).astype('float32') / 255.
    y_train = tf.keras.utils.to_categorical(y_train.astype('float32'))
    return x_train, y_train


def build_graph():
    x = layers.Input(input_shape)
    y = layers.Input([10])
    conv1 = layers.Conv2D(**conv1_params)(x)
    conv2 = layers.Conv2D(**conv2_params)(conv1)
    primary = layers.Lambda(squash, name='primary_capsules')(layers.Reshape(primary_capsules_shape)(conv2))
    digits = Capsule(**digits_capsules_params)(primary)
    lengths = Length(name='capsnet')(digits)
    masked = Mask(name='mask')([digits, y])
    dec = layers.Dense(dense1, activation='relu')(masked)
    dec = layers.Dense(dense2, activation='relu')(dec)
    dec = layers.Dense(int(np.prod(input_shape)), activation='sigmoid')(dec)
    decoder_output = layers.Reshape(target_shape=input_shape, name='decoder_output')(dec)
    return models.Model(inputs=[x, y], outputs=[lengths, decoder_output])


def margin_loss(y_true, y_pred):
    loss = y_true * tf.square(tf.maximum(0., 0.9 - y_pred)) +         0.5 * (1 - y_true) * tf.square(tf.maximum(0., y_pred - 0.1))
    return tf.reduce_mean(tf.reduce_sum(loss, 1))


if __name__ == '__main__':
    x_train, y_train = load_mnist_data()
    model = build_graph()
    optimizer = tf.keras.optimizers.Adam(learning_rate)
    ds = tf.data.Dataset.from_tensor_slices((x_train, y_train)).shuffle(60000).batch(batch_size)
    for epoch in range(3):
        for xb, yb in ds:
            def loss_fn():
                lengths, recon = model([xb, yb], training=True)
                data_loss = margin_loss(yb, lengths) +                     reconstruction_loss_coefficient * tf.reduce_mean(tf.square(xb - recon))
                return data_loss + tf.add_n(model.losses)
            optimizer.minimize(loss_fn, var_list=model.trainable_variables)
        print('epoch', epoch, 'done')
