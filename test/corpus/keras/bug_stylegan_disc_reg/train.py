# Idiom seen in: shadows-of-tomorrow/BasquiTensor networks/style_gan/generator.py
# What it reproduces: the GAN loop: the generator (a package module not in this workspace) produces fakes,
#   the discriminator from the constructor trains with its own train_on_batch; config dict with d_l2.
import tensorflow as tf

from networks.style_gan.discriminator_constructor import construct_discriminator
from networks.style_gan.generator_constructor import construct_generator
from processing import ImageProcessor

CONFIG = {"resolution": 64, "filters": [128, 256, 512, 512], "d_l2": 1e-5,
          "latent_dim": 512, "batch_size": 16, "n_steps": 100000}


def main():
    processor = ImageProcessor("./data/paintings", CONFIG["resolution"])
    generator = construct_generator(CONFIG)
    generator.compile(optimizer=tf.keras.optimizers.Adam(1e-3, beta_1=0.0, beta_2=0.99))
    discriminator = construct_discriminator(CONFIG)
    discriminator.compile(optimizer=tf.keras.optimizers.Adam(1e-3, beta_1=0.0, beta_2=0.99))
    for step in range(CONFIG["n_steps"]):
        z = tf.random.normal([CONFIG["batch_size"], CONFIG["latent_dim"]])
        x_real = processor.sample(CONFIG["batch_size"])
        x_fake = generator(z, training=False)
        d_logs = discriminator.train_on_batch(x_real, x_fake, CONFIG["batch_size"])
        g_logs = generator.train_on_batch(z, discriminator, CONFIG["batch_size"])
        if step % 500 == 0:
            print(step, d_logs, g_logs)


if __name__ == "__main__":
    main()
