# Idiom seen in: poloarol/small-molecules (training entry for its GAN models)
# What it reproduces: argparse hyper-parameters, QM9 graph tensors from a data module not in the workspace,
#   factories from models/networks.py, the WGAN-GP subclass compiled with two Adam optimizers and trained by fit.
# label-note: clean. Adam has no weight_decay (no WD202); the only decay is the critic's l2, which reaches d_loss.
import argparse

import tensorflow as tf
from tensorflow import keras

from data import load_qm9_graphs
from models.gans.wgan import WGANGP
from models.networks import make_discriminator, make_generator


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--latent_dim", type=int, default=64)
    p.add_argument("--critic_l2", type=float, default=1e-4)
    p.add_argument("--lr", type=float, default=5e-4)
    p.add_argument("--batch_size", type=int, default=32)
    p.add_argument("--epochs", type=int, default=10)
    args = p.parse_args()

    adjacency, features, (num_atoms, atom_dim, bond_dim) = load_qm9_graphs()
    generator = make_generator(args.latent_dim, num_atoms, atom_dim, bond_dim)
    discriminator = make_discriminator(num_atoms, atom_dim, bond_dim, args.critic_l2)

    wgan = WGANGP(discriminator, generator, discriminator_steps=5, generator_steps=1, latent_dim=args.latent_dim)
    wgan.compile(d_optimizer=keras.optimizers.Adam(args.lr, beta_1=0.5, beta_2=0.9),
                 g_optimizer=keras.optimizers.Adam(args.lr, beta_1=0.5, beta_2=0.9))
    dataset = tf.data.Dataset.from_tensor_slices((adjacency, features)).shuffle(4096).batch(args.batch_size)
    wgan.fit(dataset, epochs=args.epochs)


if __name__ == "__main__":
    main()
