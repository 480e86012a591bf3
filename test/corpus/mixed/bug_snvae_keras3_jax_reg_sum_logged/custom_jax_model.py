# Idiom seen in: kdesoto-astro/survey-agnostic-sn-vae src/survey_agnostic_sn_vae/archival/custom_jax_model.py
# What it reproduces: a Keras 3 (JAX backend) Model overriding train_step with stateless_call(return_losses=True),
#   jax.value_and_grad and optimizer.stateless_apply; the regularization losses are summed but only logged, the
#   differentiated loss is the VAE objective alone, so the L2 terms never train (WD105 at the sum).
import jax
import jax.numpy as jnp
import keras
from keras import Model, StatelessScope, layers, regularizers

L2 = 1e-4


def vae_loss(x, x_hat, z_mean, z_log_var, beta=1.0):
    recon = jnp.mean(jnp.sum(jnp.square(x - x_hat), axis=(1, 2)))
    kl = -0.5 * jnp.mean(jnp.sum(1 + z_log_var - jnp.square(z_mean) - jnp.exp(z_log_var), axis=-1))
    return recon + beta * kl


class JAXModel(Model):
    def compute_loss_and_updates(self, trainable_variables, non_trainable_variables, x, training=False):
        (x_hat, z_mean, z_log_var), non_trainable_variables, losses = self.stateless_call(
            trainable_variables, non_trainable_variables, x, return_losses=True, training=training
        )
        loss = vae_loss(x, x_hat, z_mean, z_log_var)
        reg_loss = sum(losses)  # expect: WD105
        return loss, (reg_loss, non_trainable_variables)

    def train_step(self, state, data):
        trainable_variables, non_trainable_variables, optimizer_variables, metrics_variables = state
        x = data[0] if isinstance(data, tuple) else data
        grad_fn = jax.value_and_grad(self.compute_loss_and_updates, has_aux=True)
        (loss, (reg_loss, non_trainable_variables)), grads = grad_fn(
            trainable_variables, non_trainable_variables, x, training=True
        )
        trainable_variables, optimizer_variables = self.optimizer.stateless_apply(
            optimizer_variables, grads, trainable_variables
        )
        with StatelessScope(state_mapping=list(zip(self.metrics_variables, metrics_variables))) as scope:
            self._loss_tracker.update_state(loss)
        metrics_variables = [
            scope.get_current_value(v) if scope.get_current_value(v) is not None else v.value
            for v in self.metrics_variables
        ]
        logs = {"loss": loss, "reg_loss": reg_loss}
        return logs, (trainable_variables, non_trainable_variables, optimizer_variables, metrics_variables)


class Sampling(layers.Layer):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.seed_gen = keras.random.SeedGenerator(1337)

    def call(self, inputs):
        z_mean, z_log_var = inputs
        eps = keras.random.normal(keras.ops.shape(z_mean), seed=self.seed_gen)
        return z_mean + keras.ops.exp(0.5 * z_log_var) * eps


def build_vae(n_timesteps=64, n_features=6, latent_dim=10, hidden=128):
    inputs = keras.Input(shape=(n_timesteps, n_features))
    h = layers.GRU(hidden, return_sequences=False, kernel_regularizer=regularizers.l2(L2))(inputs)
    h = layers.Dense(hidden, activation="relu", kernel_regularizer=regularizers.l2(L2))(h)
    z_mean = layers.Dense(latent_dim, kernel_regularizer=regularizers.l2(L2))(h)
    z_log_var = layers.Dense(latent_dim, kernel_regularizer=regularizers.l2(L2))(h)
    z = Sampling()([z_mean, z_log_var])
    d = layers.RepeatVector(n_timesteps)(z)
    d = layers.GRU(hidden, return_sequences=True, kernel_regularizer=regularizers.l2(L2))(d)
    x_hat = layers.TimeDistributed(layers.Dense(n_features))(d)
    return JAXModel(inputs, [x_hat, z_mean, z_log_var], name="sn_vae")
