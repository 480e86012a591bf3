# Idiom seen in: dbugajny/GeneratingBoredApeYachtClub src/models/vae.py
# What it reproduces: compile + fit of the VAE; fit runs the overridden train_step, so Keras does not
#   add the regularization losses itself.
import tensorflow as tf

from encoder import build_encoder
from decoder import build_decoder
from vae import VAE
from utils.data_loading import load_images

LATENT_DIM = 256
BATCH_SIZE = 32
EPOCHS = 100

if __name__ == "__main__":
    dataset = load_images("data/bayc", image_size=(256, 256)).batch(BATCH_SIZE).prefetch(tf.data.AUTOTUNE)
    encoder = build_encoder(LATENT_DIM)
    decoder = build_decoder(LATENT_DIM)
    vae = VAE(encoder, decoder, reconstruction_loss_weight=1.0, kl_loss_weight=0.5)
    vae.compile(optimizer=tf.keras.optimizers.Adam(learning_rate=1e-4))
    vae.fit(dataset, epochs=EPOCHS,
            callbacks=[tf.keras.callbacks.ModelCheckpoint("checkpoints/vae", save_weights_only=True)])
    encoder.save("models/encoder")
    decoder.save("models/decoder")
