# Idiom seen in: sayakpaul/Barlow-Twins-TF Barlow_Twins.ipynb
# What it reproduces: BarlowTwins(tf.keras.Model) overrides train_step: the tape differentiates the Barlow
#   cross-correlation loss only, and fit() runs this override, so the encoder's l2 terms are left out (real bug).
import tensorflow as tf

import lr_scheduler
import resnet20
from ssl_data import prepare_ssl_ds

PROJECT_DIM = 2048
BATCH_SIZE = 512
EPOCHS = 100


def off_diagonal(x):
    n = tf.shape(x)[0]
    flattened = tf.reshape(x, [-1])[:-1]
    off_diagonals = tf.reshape(flattened, (n - 1, n + 1))[:, 1:]
    return tf.reshape(off_diagonals, [-1])


def normalize_repr(z):
    z_norm = (z - tf.reduce_mean(z, axis=0)) / tf.math.reduce_std(z, axis=0)
    return z_norm


def compute_loss(z_a, z_b, lambd):
    batch_size = tf.cast(tf.shape(z_a)[0], z_a.dtype)
    c = tf.matmul(normalize_repr(z_a), normalize_repr(z_b), transpose_a=True) / batch_size
    on_diag = tf.reduce_sum(tf.pow(tf.linalg.diag_part(c) - 1, 2))
    off_diag = tf.reduce_sum(tf.pow(off_diagonal(c), 2))
    return on_diag + (lambd * off_diag)


class BarlowTwins(tf.keras.Model):
    def __init__(self, encoder, lambd=5e-3):
        super(BarlowTwins, self).__init__()
        self.encoder = encoder
        self.lambd = lambd
        self.loss_tracker = tf.keras.metrics.Mean(name="loss")

    @property
    def metrics(self):
        return [self.loss_tracker]

    def train_step(self, data):
        ds_one, ds_two = data
        with tf.GradientTape() as tape:
            z_a, z_b = self.encoder(ds_one, training=True), self.encoder(ds_two, training=True)
            loss = compute_loss(z_a, z_b, self.lambd)
        gradients = tape.gradient(loss, self.encoder.trainable_variables)
        self.optimizer.apply_gradients(zip(gradients, self.encoder.trainable_variables))
        self.loss_tracker.update_state(loss)
        return {"loss": self.loss_tracker.result()}


ssl_ds = prepare_ssl_ds(BATCH_SIZE)
STEPS_PER_EPOCH = 50000 // BATCH_SIZE
lr_decayed_fn = lr_scheduler.WarmUpCosine(learning_rate_base=1e-3, total_steps=EPOCHS * STEPS_PER_EPOCH,
                                          warmup_learning_rate=0.0, warmup_steps=int(0.1 * EPOCHS * STEPS_PER_EPOCH))

resnet_enc = resnet20.get_network(hidden_dim=PROJECT_DIM)
optimizer = tf.keras.optimizers.SGD(learning_rate=lr_decayed_fn, momentum=0.9)

barlow_twins = BarlowTwins(resnet_enc)
barlow_twins.compile(optimizer=optimizer)
history = barlow_twins.fit(ssl_ds, epochs=EPOCHS)
barlow_twins.encoder.save("barlow_twins_encoder")
