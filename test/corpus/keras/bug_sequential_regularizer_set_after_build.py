# Idiom seen in: kakayou/jlucky jscan/checktensorflow.py
# What it reproduces: tutorial-style tf.keras Sequential built with input_shape (so already built); to get the
#   "regularized" variant the user loops over model.layers and assigns layer.kernel_regularizer afterwards
#   instead of passing kernel_regularizer= at construction: no loss is added, fit trains without decay.
import numpy as np
import tensorflow as tf
from tensorflow.keras import layers

data = np.random.random((1000, 32))
labels = np.random.random((1000, 10))
val_data = np.random.random((100, 32))
val_labels = np.random.random((100, 10))


def make_model():
    return tf.keras.Sequential([
        layers.Dense(64, activation='relu', input_shape=(32,)),
        layers.Dense(64, activation='relu'),
        layers.Dense(10)])


baseline = make_model()
baseline.compile(optimizer=tf.keras.optimizers.Adam(0.01),
                 loss=tf.keras.losses.CategoricalCrossentropy(from_logits=True),
                 metrics=['accuracy'])
baseline.fit(data, labels, epochs=10, batch_size=32, validation_data=(val_data, val_labels))

regularized = make_model()
for layer in regularized.layers:
    if isinstance(layer, layers.Dense):
        layer.kernel_regularizer = tf.keras.regularizers.l2(0.01)  # expect: WD106
regularized.compile(optimizer=tf.keras.optimizers.Adam(0.01),
                    loss=tf.keras.losses.CategoricalCrossentropy(from_logits=True),
                    metrics=['accuracy'])
regularized.fit(data, labels, epochs=10, batch_size=32, validation_data=(val_data, val_labels))
print(regularized.evaluate(val_data, val_labels, batch_size=32))
