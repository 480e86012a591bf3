# Idiom seen in: jlfilho/sr-tf2 models/Model.py
# Idiom seen in: jlfilho/sr-tf2 models/espcn/model_espcn.py
# Idiom seen in: jlfilho/sr-tf2 train.py
# What it reproduces: a video super-resolution Model subclass whose train_step logs per-variable
#   gradient summaries and computes self.compiled_loss(y, y_pred, regularization_losses=self.losses);
#   the ESPCN layers carry kernel l2 regularizers and training goes through compile/fit: clean.
import tensorflow as tf

from Model import Model


def espcn(channels=1, scale_factor=2, weight_decay=1e-5, file_writer_cm=None):
    reg = tf.keras.regularizers.l2(weight_decay)
    inputs = tf.keras.Input(shape=(None, None, channels))
    x = tf.keras.layers.Lambda(lambda t: tf.pad(t, [[0, 0], [4, 4], [4, 4], [0, 0]], 'SYMMETRIC'))(inputs)
    x = tf.keras.layers.Conv2D(64, 5, padding='valid', activation='tanh', name='conv1',
                               kernel_initializer=tf.keras.initializers.he_normal(),
                               kernel_regularizer=reg)(x)
    x = tf.keras.layers.Conv2D(32, 3, padding='valid', activation='tanh', name='conv2',
                               kernel_initializer=tf.keras.initializers.he_normal(),
                               kernel_regularizer=reg)(x)
    x = tf.keras.layers.Conv2D(channels * (scale_factor ** 2), 3, padding='valid', name='final',
                               kernel_initializer=tf.keras.initializers.he_normal(),
                               kernel_regularizer=reg)(x)
    x = tf.keras.layers.Lambda(lambda t: tf.nn.depth_to_space(t, scale_factor), name='prediction')(x)
    outputs = tf.keras.activations.tanh(x)
    return Model(inputs=inputs, outputs=outputs, file_writer_cm=file_writer_cm, name='espcn')
