# Idiom seen in: lfoppiano/deep-learning-tutorials gettingStarted/keras_1.py
# What it reproduces: the getting-started Sequential model (Dense layers, one with an L2 kernel regularizer and
# one with an L2 bias regularizer) trained in a GradientTape loop whose loss adds tf.add_n(model.losses) inside
# the tape. Clean.
import numpy as np
import tensorflow as tf
from tensorflow.keras import layers

model = tf.keras.Sequential([
    layers.Dense(64, activation='relu', input_shape=(32,),
                 kernel_regularizer=tf.keras.regularizers.l2(0.01)),
    layers.Dense(64, activation='relu', bias_regularizer=tf.keras.regularizers.l2(0.01)),
    layers.Dense(10, activation='softmax'),
])

data = np.random.random((1000, 32)).astype('float32')
labels = np.random.randint(10, size=(1000,))
dataset = tf.data.Dataset.from_tensor_slices((data, labels)).batch(32).repeat(5)

loss_fn = tf.keras.losses.SparseCategoricalCrossentropy()
optimizer = tf.keras.optimizers.Adam(0.001)

for step, (x, y) in enumerate(dataset):
    with tf.GradientTape() as tape:
        probs = model(x, training=True)
        loss = loss_fn(y, probs) + tf.add_n(model.losses)
    grads = tape.gradient(loss, model.trainable_variables)
    optimizer.apply_gradients(zip(grads, model.trainable_variables))
    if step % 50 == 0:
        print(step, float(loss))
