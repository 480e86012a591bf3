# Idiom seen in: mcps5601/TimeGAN-tensorflow2 hider/timegan/timegan.py
# What it reproduces: the TimeGAN solver methods, one GradientTape per phase. In discriminator_forward the
#   discriminator's regularization terms are summed (D_reg) and reported in the returned loss, but the tape
#   differentiates D_loss without them (user mistake in the repository's idiom).
import tensorflow as tf

from modules import Discriminator, Embedder, Generator, Recovery, Supervisor


class TimeGAN(tf.keras.Model):
    def __init__(self, args):
        super().__init__()
        self.embedder = Embedder(args)
        self.recovery = Recovery(args)
        self.generator = Generator(args)
        self.supervisor = Supervisor(args)
        self.discriminator = Discriminator(args)
        self.mse = tf.keras.losses.MeanSquaredError()
        self.bce = tf.keras.losses.BinaryCrossentropy(from_logits=True)

    def recovery_forward(self, X, optimizer):
        with tf.GradientTape() as tape:
            X_tilde = self.recovery(self.embedder(X, training=True), training=True)
            E_loss_T0 = self.mse(X, X_tilde)
            E_loss0 = 10 * tf.math.sqrt(E_loss_T0)
        var_list = self.embedder.trainable_weights + self.recovery.trainable_weights
        optimizer.apply_gradients(zip(tape.gradient(E_loss0, var_list), var_list))
        return E_loss_T0

    def supervisor_forward(self, X, optimizer):
        with tf.GradientTape() as tape:
            H = self.embedder(X, training=True)
            H_hat_supervise = self.supervisor(H, training=True)
            G_loss_S = self.mse(H[:, 1:, :], H_hat_supervise[:, :-1, :])
        var_list = self.supervisor.trainable_weights
        optimizer.apply_gradients(zip(tape.gradient(G_loss_S, var_list), var_list))
        return G_loss_S

    def generator_forward(self, X, Z, optimizer, gamma=1):
        with tf.GradientTape() as tape:
            H = self.embedder(X)
            E_hat = self.generator(Z, training=True)
            H_hat = self.supervisor(E_hat, training=True)
            H_hat_supervise = self.supervisor(H, training=True)
            X_hat = self.recovery(H_hat)
            Y_fake, Y_fake_e = self.discriminator(H_hat), self.discriminator(E_hat)
            G_loss_U = self.bce(tf.ones_like(Y_fake), Y_fake)
            G_loss_U_e = self.bce(tf.ones_like(Y_fake_e), Y_fake_e)
            G_loss_S = self.mse(H[:, 1:, :], H_hat_supervise[:, :-1, :])
            G_loss_V1 = tf.reduce_mean(tf.abs(tf.sqrt(tf.nn.moments(X_hat, [0])[1] + 1e-6)
                                              - tf.sqrt(tf.nn.moments(X, [0])[1] + 1e-6)))
            G_loss_V2 = tf.reduce_mean(tf.abs(tf.nn.moments(X_hat, [0])[0] - tf.nn.moments(X, [0])[0]))
            G_loss = G_loss_U + gamma * G_loss_U_e + 100 * tf.sqrt(G_loss_S) + 100 * (G_loss_V1 + G_loss_V2)
        var_list = self.generator.trainable_weights + self.supervisor.trainable_weights
        optimizer.apply_gradients(zip(tape.gradient(G_loss, var_list), var_list))
        return G_loss_U, G_loss_S

    def discriminator_forward(self, X, Z, optimizer, gamma=1, train_D=False):
        with tf.GradientTape() as tape:
            H = self.embedder(X)
            E_hat = self.generator(Z)
            H_hat = self.supervisor(E_hat)
            Y_real = self.discriminator(H, training=True)
            Y_fake = self.discriminator(H_hat, training=True)
            Y_fake_e = self.discriminator(E_hat, training=True)
            D_loss_real = self.bce(tf.ones_like(Y_real), Y_real)
            D_loss_fake = self.bce(tf.zeros_like(Y_fake), Y_fake)
            D_loss_fake_e = self.bce(tf.zeros_like(Y_fake_e), Y_fake_e)
            D_loss = D_loss_real + D_loss_fake + gamma * D_loss_fake_e
            D_reg = tf.add_n(self.discriminator.losses)  # expect: WD105
        if train_D:
            var_list = self.discriminator.trainable_weights
            optimizer.apply_gradients(zip(tape.gradient(D_loss, var_list), var_list))
        return D_loss + D_reg
