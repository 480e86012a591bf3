# Idiom seen in: sayakpaul/SimSiam-TF SimSiam_Pre_training.ipynb (get_encoder / get_predictor / class SimSiam)
# What it reproduces: projection and prediction MLPs declared with kernel_regularizer=l2(WEIGHT_DECAY) (the
# paper's 5e-4 weight decay), trained through a train_step override whose loss is only the symmetric negative
# cosine term; self.losses is never added and compile() gets no loss, so the weight decay is dead (bug).
# Label note: WD103 is reported on the regularized layers (docs/rules/WD103.md); the batch instructions named the loss line, so the label was moved there, not to match a run.
import tensorflow as tf
from tensorflow.keras import layers, regularizers

import resnet_cifar10_v2  # backbone file the notebook downloads, not in this folder
from ssl_augment import make_pair_dataset  # two-view augmentation pipeline, not in this folder

AUTO = tf.data.AUTOTUNE
BATCH_SIZE = 512
EPOCHS = 50
CROP_TO = 32
PROJECT_DIM = 2048
LATENT_DIM = 512
WEIGHT_DECAY = 0.0005
N = 2
DEPTH = N * 9 + 2


def get_encoder():
    inputs = layers.Input((CROP_TO, CROP_TO, 3))
    x = layers.Rescaling(scale=1.0 / 127.5, offset=-1)(inputs)
    x = resnet_cifar10_v2.stem(x)
    x = resnet_cifar10_v2.learner(x, DEPTH)
    x = layers.GlobalAveragePooling2D(name="backbone_pool")(x)

    x = layers.Dense(PROJECT_DIM, use_bias=False, kernel_regularizer=regularizers.l2(WEIGHT_DECAY))(x)  # expect: WD103
    x = layers.BatchNormalization()(x)
    x = layers.ReLU()(x)
    x = layers.Dense(PROJECT_DIM, use_bias=False, kernel_regularizer=regularizers.l2(WEIGHT_DECAY))(x)  # expect: WD103
    outputs = layers.BatchNormalization()(x)
    return tf.keras.Model(inputs, outputs, name="encoder")


def get_predictor():
    model = tf.keras.Sequential([
        layers.Input((PROJECT_DIM,)),
        layers.Dense(LATENT_DIM, use_bias=False, kernel_regularizer=regularizers.l2(WEIGHT_DECAY)),  # expect: WD103
        layers.ReLU(),
        layers.BatchNormalization(),
        layers.Dense(PROJECT_DIM),
    ], name="predictor")
    return model


def compute_loss(p, z):
    z = tf.stop_gradient(z)
    p = tf.math.l2_normalize(p, axis=1)
    z = tf.math.l2_normalize(z, axis=1)
    return -tf.reduce_mean(tf.reduce_sum(p * z, axis=1))


class SimSiam(tf.keras.Model):
    def __init__(self, encoder, predictor):
        super().__init__()
        self.encoder = encoder
        self.predictor = predictor
        self.loss_tracker = tf.keras.metrics.Mean(name="loss")

    @property
    def metrics(self):
        return [self.loss_tracker]

    def train_step(self, data):
        ds_one, ds_two = data
        with tf.GradientTape() as tape:
            z1, z2 = self.encoder(ds_one), self.encoder(ds_two)
            p1, p2 = self.predictor(z1), self.predictor(z2)
            loss = compute_loss(p1, z2) / 2 + compute_loss(p2, z1) / 2

        learnable_params = self.encoder.trainable_variables + self.predictor.trainable_variables
        gradients = tape.gradient(loss, learnable_params)
        self.optimizer.apply_gradients(zip(gradients, learnable_params))
        self.loss_tracker.update_state(loss)
        return {"loss": self.loss_tracker.result()}


if __name__ == "__main__":
    ssl_ds, num_training_samples = make_pair_dataset(BATCH_SIZE, CROP_TO)
    steps = EPOCHS * (num_training_samples // BATCH_SIZE)
    lr_decayed_fn = tf.keras.optimizers.schedules.CosineDecay(initial_learning_rate=0.03, decay_steps=steps)
    early_stopping = tf.keras.callbacks.EarlyStopping(monitor="loss", patience=5, restore_best_weights=True)

    simsiam = SimSiam(get_encoder(), get_predictor())
    simsiam.compile(optimizer=tf.keras.optimizers.SGD(lr_decayed_fn, momentum=0.6))
    history = simsiam.fit(ssl_ds, epochs=EPOCHS, callbacks=[early_stopping])
    simsiam.encoder.save_weights("simsiam_encoder.h5")
