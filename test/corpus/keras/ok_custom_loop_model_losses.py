# Idiom seen in: TH3CHARLie/deep-high-dynamic-range ref.py
# What it reproduces: the Keras-guide custom training loop kept as a reference in that repo, here with
#   kernel_regularizer=l2 on the hidden Dense layers; the tape's loss adds sum(model.losses) before
#   tape.gradient, so the regularization is trained. Clean.
import numpy as np
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers

inputs = keras.Input(shape=(784,), name='digits')
x = layers.Dense(64, activation='relu', kernel_regularizer=keras.regularizers.l2(1e-4), name='dense_1')(inputs)
x = layers.Dense(64, activation='relu', kernel_regularizer=keras.regularizers.l2(1e-4), name='dense_2')(x)
outputs = layers.Dense(10, activation='softmax', name='predictions')(x)
model = keras.Model(inputs=inputs, outputs=outputs)

optimizer = keras.optimizers.SGD(learning_rate=1e-3)
loss_fn = keras.losses.SparseCategoricalCrossentropy()

(x_train, y_train), _ = keras.datasets.mnist.load_data()
x_train = np.reshape(x_train, (-1, 784)).astype('float32') / 255.0
batch_size = 64
train_dataset = tf.data.Dataset.from_tensor_slices((x_train, y_train)).shuffle(buffer_size=1024).batch(batch_size)

for epoch in range(3):
    print('Start of epoch %d' % (epoch,))
    for step, (x_batch_train, y_batch_train) in enumerate(train_dataset):
        with tf.GradientTape() as tape:
            logits = model(x_batch_train)
            loss_value = loss_fn(y_batch_train, logits)
            loss_value += sum(model.losses)
        grads = tape.gradient(loss_value, model.trainable_weights)
        optimizer.apply_gradients(zip(grads, model.trainable_weights))
        if step % 200 == 0:
            print('Training loss (for one batch) at step %s: %s' % (step, float(loss_value)))
