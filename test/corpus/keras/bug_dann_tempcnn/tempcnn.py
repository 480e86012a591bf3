# Idiom seen in: JDESLOIRES/eo-flow eoflow/base/base_custom_training.py (train_step: cost += sum(self.losses) inside the tape) and eoflow/base/base_dann_v2.py (trainstep_dann_v2)
# What it reproduces: a TempCNN regressor trained by hand; the pre-training step adds sum(self.losses) inside the tape
#   (correct), but the DANN step adds the regularization sums to cost / enc_loss / disc_loss only after
#   tape.gradient has run, so those sums only feed the metrics and are never minimized (bug).
import tensorflow as tf
from tensorflow.keras.layers import Activation, BatchNormalization, Conv1D, Dense, Dropout, Flatten, Input
from tensorflow.keras.models import Model

from eoflow.models.layers import GradReverse


class TempCNN(tf.keras.Model):
    def __init__(self, config):
        super().__init__()
        self.config = config
        self.loss_metric = tf.keras.metrics.Mean()
        self.net = None

    def build(self, inputs_shape):
        x = Input(inputs_shape[1:])
        net = x
        for _ in range(self.config['nb_conv_stacks']):
            net = Conv1D(filters=self.config['nb_conv_filters'], kernel_size=self.config['kernel_size'], padding='same',
                         kernel_initializer=self.config['kernel_initializer'],
                         kernel_regularizer=tf.keras.regularizers.l2(self.config['kernel_regularizer']))(net)
            net = BatchNormalization(axis=-1)(net)
            net = Dropout(1 - self.config['keep_prob'])(net)
            net = Activation(self.config['activation'])(net)
        enc = Flatten()(net)
        net = Dense(self.config['nb_fc_neurons'],
                    kernel_regularizer=tf.keras.regularizers.l2(self.config['kernel_regularizer']))(enc)
        net = Activation(self.config['activation'])(net)
        output = Dense(1, activation='linear')(net)
        self.net = Model(inputs=x, outputs=[output, enc])

    def call(self, inputs, training=False):
        return self.net(inputs, training)

    def prepare(self, optimizer, loss):
        self.optimizer = optimizer
        self.loss = loss

    @tf.function
    def train_step(self, train_ds):
        for x_batch, y_batch in train_ds:
            with tf.GradientTape() as tape:
                y_preds, _ = self.call(x_batch, training=True)
                cost = self.loss(y_batch, y_preds)
                cost += sum(self.losses)
                cost = tf.reduce_mean(cost)
            grads = tape.gradient(cost, self.trainable_variables)
            self.optimizer.apply_gradients(zip(grads, self.trainable_variables))
            self.loss_metric.update_state(cost)


class TempCNNDann(TempCNN):
    def init_discriminator(self, enc_dim, lr=1e-4):
        inputs = Input((enc_dim,))
        h = GradReverse()(inputs)
        h = Dense(64, activation='relu',
                  kernel_regularizer=tf.keras.regularizers.l2(self.config['kernel_regularizer']))(h)
        outputs = Dense(1, activation='sigmoid')(h)
        self.discriminator = Model(inputs, outputs)
        self.discriminator.loss = tf.keras.losses.BinaryCrossentropy()
        self.discriminator.optimizer = tf.keras.optimizers.Adam(lr)
        self.disc_metric = tf.keras.metrics.Mean()
        self.task_metric = tf.keras.metrics.Mean()

    @tf.function
    def trainstep_dann(self, train_ds, lambda_=1.0):
        for Xs, ys, Xt in train_ds:
            with tf.GradientTape(persistent=True) as gradients_task:
                ys_pred, Xs_enc = self.call(Xs, training=True)
                cost = self.loss(ys, tf.reshape(ys_pred, tf.shape(ys)))
                ys_disc = self.discriminator(Xs_enc, training=True)
                _, Xt_enc = self.call(Xt, training=True)
                yt_disc = self.discriminator(Xt_enc, training=True)

                disc_loss = 0.5 * (self.discriminator.loss(tf.ones_like(ys_disc), ys_disc) +
                                   self.discriminator.loss(tf.zeros_like(yt_disc), yt_disc))
                loss_dann = 0.5 * (self.discriminator.loss(tf.zeros_like(ys_disc), ys_disc) +
                                   self.discriminator.loss(tf.ones_like(yt_disc), yt_disc))
                enc_loss = tf.reduce_mean(cost + lambda_ * loss_dann)

            grads_task = gradients_task.gradient(enc_loss, self.trainable_variables)
            grads_disc = gradients_task.gradient(disc_loss, self.discriminator.trainable_variables)

            cost += sum(self.losses)  # expect: WD105
            enc_loss += sum(self.discriminator.losses) + sum(self.losses)  # expect: WD105
            disc_loss += sum(self.discriminator.losses)  # expect: WD105

            self.optimizer.apply_gradients(zip(grads_task, self.trainable_variables))
            self.discriminator.optimizer.apply_gradients(zip(grads_disc, self.discriminator.trainable_variables))
            self.task_metric.update_state(cost)
            self.loss_metric.update_state(enc_loss)
            self.disc_metric.update_state(disc_loss)
