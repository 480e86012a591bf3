# Idiom seen in: njchiang/tf-keras-utils tfutils/losses/losses.py
# What it reproduces: ae_loss_fn(model, x, y) style reconstruction loss used inside a keras.Model.train_step
#   override; the encoder's Dense layers have kernel_regularizer=l2, but the override differentiates only the
#   MSE (no self.losses), and since fit() runs the override, the decay is never applied (user mistake).
import tensorflow as tf

from tfutils.data import get_dataset

WEIGHT_DECAY = 1e-4


def ae_loss_fn(model, x, y, training=None):
    pred = model(x, training=training)
    mse = tf.keras.losses.MSE(y, pred)
    return tf.reduce_mean(mse), pred


class DenseAutoEncoder(tf.keras.Model):
    def __init__(self, input_dim, latent_dim=32, **kwargs):
        super(DenseAutoEncoder, self).__init__(**kwargs)
        self.enc1 = tf.keras.layers.Dense(256, activation='relu',
                                          kernel_regularizer=tf.keras.regularizers.l2(WEIGHT_DECAY))  # expect: WD103
        self.enc2 = tf.keras.layers.Dense(latent_dim, activation='relu',
                                          kernel_regularizer=tf.keras.regularizers.l2(WEIGHT_DECAY))  # expect: WD103
        self.dec1 = tf.keras.layers.Dense(256, activation='relu')
        self.dec2 = tf.keras.layers.Dense(input_dim, activation='sigmoid')
        self.loss_tracker = tf.keras.metrics.Mean(name='loss')

    def call(self, inputs, training=None):
        z = self.enc2(self.enc1(inputs))
        return self.dec2(self.dec1(z))

    def train_step(self, data):
        x, y = data
        with tf.GradientTape() as tape:
            loss, _ = ae_loss_fn(self, x, y, training=True)
        grads = tape.gradient(loss, self.trainable_variables)
        self.optimizer.apply_gradients(zip(grads, self.trainable_variables))
        self.loss_tracker.update_state(loss)
        return {'loss': self.loss_tracker.result()}

    @property
    def metrics(self):
        return [self.loss_tracker]


if __name__ == '__main__':
    train_ds, input_dim = get_dataset('fashion_mnist', flatten=True, autoencode=True, batch_size=128)
    model = DenseAutoEncoder(input_dim)
    model.compile(optimizer=tf.keras.optimizers.Adam(1e-3))
    model.fit(train_ds, epochs=30)
    model.save_weights('ae_weights.h5')
