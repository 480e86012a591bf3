# Idiom seen in: TheUnsolvedDev/TensorflowAI ComputerVision/GenerativeAdvesarialNetworks/2_DeepConvolutionalGAN/model.py
# What it reproduces: the DCGAN with separate generator/discriminator tape steps under MirroredStrategy;
#   the discriminator has kernel_regularizer=l2 and its step adds
#   tf.nn.scale_regularization_loss(tf.add_n(self.discriminator.losses)) to disc_loss. Clean.
import tensorflow as tf

LATENT_DIM = 128
DISC_WEIGHT_DECAY = 1e-4


class GAN(tf.keras.Model):
    def __init__(self, strategy, image_shape, batch_size):
        super().__init__()
        self.strategy = strategy
        self.image_shape = image_shape
        self.batch_size = batch_size
        self.cross_entropy = tf.keras.losses.BinaryCrossentropy(from_logits=True,
                                                                reduction=tf.keras.losses.Reduction.NONE)
        with strategy.scope():
            self.generator = self.build_generator()
            self.discriminator = self.build_discriminator()
            self.g_opt = tf.keras.optimizers.Adam(2e-4, beta_1=0.5)
            self.d_opt = tf.keras.optimizers.Adam(2e-4, beta_1=0.5)

    def build_generator(self):
        inputs = tf.keras.layers.Input(shape=(LATENT_DIM,))
        x = tf.keras.layers.Dense(8 * 8 * 128, use_bias=False)(inputs)
        x = tf.keras.layers.LeakyReLU()(tf.keras.layers.BatchNormalization()(x))
        x = tf.keras.layers.Reshape((8, 8, 128))(x)
        x = tf.keras.layers.Conv2DTranspose(64, 5, strides=2, padding='same', use_bias=False)(x)
        x = tf.keras.layers.LeakyReLU()(tf.keras.layers.BatchNormalization()(x))
        outputs = tf.keras.layers.Conv2DTranspose(3, 5, strides=2, padding='same', activation='tanh')(x)
        return tf.keras.Model(inputs, outputs, name='generator')

    def build_discriminator(self):
        reg = tf.keras.regularizers.l2(DISC_WEIGHT_DECAY)
        inputs = tf.keras.layers.Input(shape=self.image_shape)
        x = tf.keras.layers.Conv2D(64, 5, strides=2, padding='same', kernel_regularizer=reg)(inputs)
        x = tf.keras.layers.Dropout(0.3)(tf.keras.layers.LeakyReLU()(x))
        x = tf.keras.layers.Conv2D(128, 5, strides=2, padding='same', kernel_regularizer=reg)(x)
        x = tf.keras.layers.Dropout(0.3)(tf.keras.layers.LeakyReLU()(x))
        outputs = tf.keras.layers.Dense(1, kernel_regularizer=reg)(tf.keras.layers.Flatten()(x))
        return tf.keras.Model(inputs, outputs, name='discriminator')

    def _avg(self, per_example):
        return tf.nn.compute_average_loss(per_example, global_batch_size=self.batch_size)

    def train_discriminator_step(self, real_images):
        noise = tf.random.normal([tf.shape(real_images)[0], LATENT_DIM])
        with tf.GradientTape() as tape:
            real_output = self.discriminator(real_images, training=True)
            fake_output = self.discriminator(self.generator(noise, training=True), training=True)
            disc_loss = self._avg(self.cross_entropy(tf.ones_like(real_output), real_output) +
                                  self.cross_entropy(tf.zeros_like(fake_output), fake_output))
            disc_loss += tf.nn.scale_regularization_loss(tf.add_n(self.discriminator.losses))
        grads = tape.gradient(disc_loss, self.discriminator.trainable_variables)
        self.d_opt.apply_gradients(zip(grads, self.discriminator.trainable_variables))
        return disc_loss

    def train_generator_step(self, noise):
        with tf.GradientTape() as tape:
            fake_output = self.discriminator(self.generator(noise, training=True), training=True)
            gen_loss = self._avg(self.cross_entropy(tf.ones_like(fake_output), fake_output))
        grads = tape.gradient(gen_loss, self.generator.trainable_variables)
        self.g_opt.apply_gradients(zip(grads, self.generator.trainable_variables))
        return gen_loss

    @tf.function
    def distributed_step(self, images, noise):
        d = self.strategy.run(self.train_discriminator_step, args=(images,))
        g = self.strategy.run(self.train_generator_step, args=(noise,))
        return (self.strategy.reduce(tf.distribute.ReduceOp.SUM, d, axis=None),
                self.strategy.reduce(tf.distribute.ReduceOp.SUM, g, axis=None))


if __name__ == '__main__':
    strategy = tf.distribute.MirroredStrategy()
    (x_train, _), _ = tf.keras.datasets.cifar10.load_data()
    x_train = (x_train.astype('float32') - 127.5) / 127.5
    global_batch = 128
    ds = tf.data.Dataset.from_tensor_slices(x_train).shuffle(10000).batch(global_batch, drop_remainder=True)
    ds = strategy.experimental_distribute_dataset(ds)
    gan = GAN(strategy, (32, 32, 3), global_batch)
    for epoch in range(50):
        for images in ds:
            noise = tf.random.normal([global_batch // strategy.num_replicas_in_sync, LATENT_DIM])
            d_loss, g_loss = gan.distributed_step(images, noise)
        print('epoch', epoch, float(d_loss), float(g_loss))
