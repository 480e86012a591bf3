# Idiom seen in: TheUnsolvedDev/TensorflowAI ComputerVision/GenerativeAdvesarialNetworks/2_DeepConvolutionalGAN/model.py
# What it reproduces: the DCGAN's two Keras Adam optimizers; a user mistake in that idiom: the generator
#   optimizer is given weight_decay=1e-4 (Keras 2.11+, decoupled) with no exclude_from_weight_decay, so the
#   decay also pulls the generator's BatchNormalization gammas/betas toward zero (WD203 at weight_decay=).
import tensorflow as tf

LATENT_DIM = 100
GENERATOR_LEARNING_RATE = 2e-4
DISCRIMINATOR_LEARNING_RATE = 2e-4


def build_generator():
    inputs = tf.keras.layers.Input(shape=(LATENT_DIM,))
    x = tf.keras.layers.Dense(7 * 7 * 64, use_bias=False)(inputs)
    x = tf.keras.layers.LeakyReLU()(tf.keras.layers.BatchNormalization()(x))
    x = tf.keras.layers.Reshape((7, 7, 64))(x)
    x = tf.keras.layers.Conv2DTranspose(128, (5, 5), strides=(2, 2), padding='same', use_bias=False)(x)
    x = tf.keras.layers.LeakyReLU()(tf.keras.layers.BatchNormalization()(x))
    outputs = tf.keras.layers.Conv2DTranspose(1, (5, 5), strides=(2, 2), padding='same', use_bias=False,
                                              activation='tanh')(x)
    return tf.keras.Model(inputs, outputs, name='generator')


def build_discriminator():
    inputs = tf.keras.layers.Input(shape=(28, 28, 1))
    x = tf.keras.layers.LeakyReLU()(tf.keras.layers.Conv2D(64, (5, 5), strides=(2, 2), padding='same')(inputs))
    x = tf.keras.layers.LeakyReLU()(tf.keras.layers.Conv2D(128, (5, 5), strides=(2, 2), padding='same')(x))
    outputs = tf.keras.layers.Dense(1)(tf.keras.layers.Flatten()(x))
    return tf.keras.Model(inputs, outputs, name='discriminator')


generator = build_generator()
discriminator = build_discriminator()
cross_entropy = tf.keras.losses.BinaryCrossentropy(from_logits=True)
generator_optimizer = tf.keras.optimizers.Adam(GENERATOR_LEARNING_RATE, beta_1=0.0, beta_2=0.9, weight_decay=1e-4)  # expect: WD203
discriminator_optimizer = tf.keras.optimizers.Adam(DISCRIMINATOR_LEARNING_RATE)


@tf.function
def train_step(real_images):
    noise = tf.random.normal([tf.shape(real_images)[0], LATENT_DIM])
    with tf.GradientTape() as gen_tape, tf.GradientTape() as disc_tape:
        generated = generator(noise, training=True)
        real_output = discriminator(real_images, training=True)
        fake_output = discriminator(generated, training=True)
        gen_loss = cross_entropy(tf.ones_like(fake_output), fake_output)
        disc_loss = (cross_entropy(tf.ones_like(real_output), real_output) +
                     cross_entropy(tf.zeros_like(fake_output), fake_output))
    g_grads = gen_tape.gradient(gen_loss, generator.trainable_variables)
    d_grads = disc_tape.gradient(disc_loss, discriminator.trainable_variables)
    generator_optimizer.apply_gradients(zip(g_grads, generator.trainable_variables))
    discriminator_optimizer.apply_gradients(zip(d_grads, discriminator.trainable_variables))
    return gen_loss, disc_loss


if __name__ == '__main__':
    (x_train, _), _ = tf.keras.datasets.mnist.load_data()
    x_train = (x_train.reshape(-1, 28, 28, 1).astype('float32') - 127.5) / 127.5
    dataset = tf.data.Dataset.from_tensor_slices(x_train).shuffle(60000).batch(256)
    for epoch in range(50):
        for batch in dataset:
            g, d = train_step(batch)
        print('epoch %d: G %.4f D %.4f' % (epoch + 1, float(g), float(d)))
