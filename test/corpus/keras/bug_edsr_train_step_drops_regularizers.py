# Idiom seen in: Rl0h4w/Image_upscaler edsr.py
# Idiom seen in: Rl0h4w/Image_upscaler main.py
# What it reproduces: an EDSR upscaler subclassing tf.keras.Model with its own train_step, fit() on frames;
#   the user added l2 kernel regularizers (also through Upsampling's **kwargs) but the override calls
#   self.compiled_loss(y, y_pred) without regularization_losses=self.losses (the repo passes it; user slip).
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers, regularizers

WEIGHT_DECAY = 1e-5


class EDSRModel(tf.keras.Model):
    def train_step(self, data):
        x, y = data
        with tf.GradientTape() as tape:
            y_pred = self(x, training=True)
            loss = self.compiled_loss(y, y_pred)
        trainable_vars = self.trainable_variables
        gradients = tape.gradient(loss, trainable_vars)
        self.optimizer.apply_gradients(zip(gradients, trainable_vars))
        self.compiled_metrics.update_state(y, y_pred)
        return {m.name: m.result() for m in self.metrics}

    def predict_step(self, x):
        x = tf.cast(tf.expand_dims(x, axis=0), tf.float32)
        sr = self(x, training=False)
        sr = tf.clip_by_value(sr, 0, 255)
        return tf.squeeze(tf.cast(tf.round(sr), tf.uint8), axis=0)


def ResBlock(inputs):
    x = layers.Conv2D(64, 3, padding="same", activation="relu",
                      kernel_regularizer=regularizers.l2(WEIGHT_DECAY))(inputs)  # expect: WD103
    x = layers.Conv2D(64, 3, padding="same",
                      kernel_regularizer=regularizers.l2(WEIGHT_DECAY))(x)  # expect: WD103
    x = layers.Lambda(lambda t: t * 0.1)(x)
    return layers.Add()([inputs, x])


def Upsampling(inputs, factor=2, **kwargs):
    x = layers.Conv2D(64 * (factor ** 2), 3, padding="same", **kwargs)(inputs)
    x = tf.nn.depth_to_space(x, block_size=factor)
    x = layers.Conv2D(64 * (factor ** 2), 3, padding="same", **kwargs)(x)
    x = tf.nn.depth_to_space(x, block_size=factor)
    return x


def make_model(num_filters, num_of_residual_blocks):
    input_layer = layers.Input(shape=(None, None, 3))
    x = layers.Rescaling(scale=1.0 / 255)(input_layer)
    x = x_new = layers.Conv2D(num_filters, 3, padding="same")(x)
    for _ in range(num_of_residual_blocks):
        x_new = ResBlock(x_new)
    x_new = layers.Conv2D(num_filters, 3, padding="same")(x_new)
    x = layers.Add()([x, x_new])
    x = Upsampling(x, kernel_regularizer=regularizers.l2(WEIGHT_DECAY))  # expect: WD103
    x = layers.Conv2D(3, 3, padding="same")(x)
    output_layer = layers.Rescaling(scale=255)(x)
    return EDSRModel(input_layer, output_layer)


def psnr_metric(y_true, y_pred):
    return tf.image.psnr(y_true, y_pred, max_val=255.0)


if __name__ == "__main__":
    from frames import create_dataset, split_dataset

    x_data, y_data = create_dataset("data/frames")
    x_train, x_val, y_train, y_val = split_dataset(x_data, y_data)
    edsr_model = make_model(num_filters=64, num_of_residual_blocks=16)
    optim_edsr = keras.optimizers.Adam(
        learning_rate=keras.optimizers.schedules.PiecewiseConstantDecay(
            boundaries=[5000], values=[1e-4, 5e-5]))
    edsr_model.compile(optimizer=optim_edsr, loss="mae", metrics=[psnr_metric])
    edsr_model.fit(x_train, y_train, validation_data=(x_val, y_val), batch_size=2, epochs=100,
                   steps_per_epoch=200,
                   callbacks=[tf.keras.callbacks.ModelCheckpoint("edsr_model_best.h5",
                                                                 save_best_only=True)])
