# Idiom seen in: twj515895394/deep-face-lab-tf2.x core/leras/optimizers/RMSprop.py
# What it reproduces: a project that keeps a TF/Keras and a PyTorch implementation side by side and
#   picks one with a flag. torch: AdamW with a proper decay/no-decay split by ndim; keras: layer L2
#   regularizers trained by compile/fit with a plain Adam (no optimizer decay). Clean.
import tensorflow as tf
from tensorflow.keras import layers, regularizers


def build_encoder(l2, ch=64, latent=256):
    inp = tf.keras.Input((64, 64, 3))
    x = layers.Conv2D(ch, 5, strides=2, padding='same', kernel_regularizer=regularizers.l2(l2))(inp)
    x = layers.LeakyReLU(0.1)(x)
    x = layers.Conv2D(ch * 2, 5, strides=2, padding='same', kernel_regularizer=regularizers.l2(l2))(x)
    x = layers.LeakyReLU(0.1)(x)
    x = layers.Flatten()(x)
    out = layers.Dense(latent, kernel_regularizer=regularizers.l2(l2))(x)
    return tf.keras.Model(inp, out)


def train_tf(opts, dataset, decoder):
    encoder = build_encoder(opts.l2)
    autoencoder = tf.keras.Sequential([encoder, decoder])
    autoencoder.compile(optimizer=tf.keras.optimizers.Adam(opts.lr), loss='mae')
    autoencoder.fit(dataset, epochs=opts.epochs)
