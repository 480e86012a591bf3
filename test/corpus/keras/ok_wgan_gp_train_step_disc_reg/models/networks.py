# Idiom seen in: poloarol/small-molecules src/models (MolGAN-style generator/critic factories)
# What it reproduces: functional factories; the critic's dense and graph-mixing layers carry
#   kernel_regularizer=l2(critic_l2), the generator has none.
# label-note: clean; the critic's regularizers are summed into d_loss in models/gans/wgan.py.
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers, regularizers


def make_generator(latent_dim, num_atoms, atom_dim, bond_dim, units=(128, 256, 512)):
    z = keras.Input(shape=(latent_dim,))
    x = z
    for u in units:
        x = layers.Dense(u, activation="tanh")(x)
        x = layers.Dropout(0.2)(x)
    adjacency = layers.Dense(bond_dim * num_atoms * num_atoms)(x)
    adjacency = layers.Reshape((bond_dim, num_atoms, num_atoms))(adjacency)
    adjacency = layers.Softmax(axis=1)((adjacency + layers.Permute((1, 3, 2))(adjacency)) / 2)
    features = layers.Softmax(axis=2)(layers.Reshape((num_atoms, atom_dim))(layers.Dense(num_atoms * atom_dim)(x)))
    return keras.Model(z, [adjacency, features], name="generator")


def make_discriminator(num_atoms, atom_dim, bond_dim, critic_l2, gconv_units=(128, 128), dense_units=(512, 256)):
    adjacency = keras.Input(shape=(bond_dim, num_atoms, num_atoms))
    features = keras.Input(shape=(num_atoms, atom_dim))
    h = features
    for u in gconv_units:
        mixed = layers.Lambda(lambda t: tf.reduce_sum(tf.matmul(t[0], t[1][:, None]), axis=1))
        h = layers.Dense(u, activation="relu", kernel_regularizer=regularizers.l2(critic_l2))(mixed([adjacency, h]))
    x = layers.GlobalAveragePooling1D()(h)
    for u in dense_units:
        x = layers.Dense(u, activation="relu", kernel_regularizer=regularizers.l2(critic_l2))(x)
        x = layers.Dropout(0.2)(x)
    return keras.Model([adjacency, features], layers.Dense(1)(x), name="discriminator")
