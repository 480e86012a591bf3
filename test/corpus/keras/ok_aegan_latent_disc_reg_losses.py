# Idiom seen in: nihermann/Pokemaenner AEGAN/aegan_models.py
# Idiom seen in: nihermann/Pokemaenner AEGAN/aegan.py
# What it reproduces: the AEGAN latent discriminator (residual dense blocks, its own forward_step under a
#   GradientTape) with L2 kernel regularizers, done right: compiled_loss is given
#   regularization_losses=self.losses, so the penalty is part of the differentiated loss. Clean.
import tensorflow as tf
from tensorflow.keras.layers import Input, Dense, Concatenate, LayerNormalization, LeakyReLU, \
    GaussianNoise, Activation
from tensorflow.keras.regularizers import l2


def dense_block(X, neurons_per_layer, l2_factor):
    Y = Dense(neurons_per_layer, kernel_regularizer=l2(l2_factor))(X)
    Y = LayerNormalization()(Y)
    Y = LeakyReLU(0.02)(Y)
    return Concatenate()([X, Y])


class DiscriminatorLatent(tf.keras.Model):

    def __init__(self, latentspace, num_blocks=16, neurons_per_layer=16, l2_factor=1e-4, **kwargs):
        inp = Input((latentspace,))
        x = GaussianNoise(0.01)(inp)
        for _ in range(num_blocks):
            x = dense_block(x, neurons_per_layer, l2_factor)
        x = LeakyReLU(0.02)(Dense(128, kernel_regularizer=l2(l2_factor))(x))
        out = Activation("sigmoid")(Dense(1)(x))
        super(DiscriminatorLatent, self).__init__(inp, out, **kwargs)

    def forward_step(self, x, target):
        with tf.GradientTape() as tape:
            pred = self(x, training=True)
            loss = self.compiled_loss(target, pred, regularization_losses=self.losses)
        gradients = tape.gradient(loss, self.trainable_variables)
        self.optimizer.apply_gradients(zip(gradients, self.trainable_variables))
        return loss


if __name__ == "__main__":
    latentspace = 70
    batch_size = 32
    encoder = tf.keras.models.load_model("./outputs/models/encoder_200.h5", compile=False)
    images = tf.data.Dataset.list_files("./data64/*.png").map(
        lambda f: tf.image.convert_image_dtype(tf.io.decode_png(tf.io.read_file(f), 3), tf.float32)
    ).batch(batch_size, drop_remainder=True)

    discriminator = DiscriminatorLatent(latentspace, name="latent_discriminator")
    discriminator.compile(tf.keras.optimizers.Adam(0.0005, beta_1=0.5, clipnorm=1),
                          loss="binary_crossentropy")
    real_labels = tf.ones((batch_size, 1)) * 0.95
    fake_labels = tf.ones((batch_size, 1)) * 0.05
    for epoch in range(20):
        for batch in images:
            d_loss = discriminator.forward_step(tf.random.normal((batch_size, latentspace)), real_labels)
            d_loss += discriminator.forward_step(encoder(batch, training=False), fake_labels)
        print("epoch %d latent discriminator loss %.4f" % (epoch, float(d_loss) / 2))
