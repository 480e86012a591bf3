# Idiom seen in: rhasanbd/Custom-Training-Loop-Using-TensorFlow-Keras Keras-Custom Training Loop-1-Single-Device Training.ipynb
# What it reproduces: a Keras CNN with kernel_regularizer=l2 trained in a hand-written GradientTape loop
# whose loss adds sum(model.losses) inside the tape. Clean.
import numpy as np
import tensorflow as tf
from tensorflow import keras

L2 = 1e-4
EPOCHS = 10
BATCH = 64

(x_train, y_train), (x_test, y_test) = keras.datasets.fashion_mnist.load_data()
x_train = (x_train[..., None] / 255.0).astype(np.float32)
x_test = (x_test[..., None] / 255.0).astype(np.float32)
train_ds = tf.data.Dataset.from_tensor_slices((x_train, y_train)).shuffle(60000).batch(BATCH)
val_ds = tf.data.Dataset.from_tensor_slices((x_test, y_test)).batch(BATCH)

model = keras.Sequential([
    keras.layers.Conv2D(32, 3, activation='relu', kernel_regularizer=keras.regularizers.l2(L2),
                        input_shape=(28, 28, 1)),
    keras.layers.MaxPooling2D(),
    keras.layers.Conv2D(64, 3, activation='relu', kernel_regularizer=keras.regularizers.l2(L2)),
    keras.layers.MaxPooling2D(),
    keras.layers.Flatten(),
    keras.layers.Dense(128, activation='relu', kernel_regularizer=keras.regularizers.l2(L2)),
    keras.layers.Dense(10),
])
loss_fn = keras.losses.SparseCategoricalCrossentropy(from_logits=True)
optimizer = keras.optimizers.SGD(learning_rate=0.05, momentum=0.9)
train_acc = keras.metrics.SparseCategoricalAccuracy()
val_acc = keras.metrics.SparseCategoricalAccuracy()


@tf.function
def train_step(x, y):
    with tf.GradientTape() as tape:
        logits = model(x, training=True)
        loss_value = loss_fn(y, logits)
        loss_value += sum(model.losses)
    grads = tape.gradient(loss_value, model.trainable_weights)
    optimizer.apply_gradients(zip(grads, model.trainable_weights))
    train_acc.update_state(y, logits)
    return loss_value


@tf.function
def test_step(x, y):
    val_acc.update_state(y, model(x, training=False))


for epoch in range(EPOCHS):
    for step, (x_batch, y_batch) in enumerate(train_ds):
        loss_value = train_step(x_batch, y_batch)
    for x_batch, y_batch in val_ds:
        test_step(x_batch, y_batch)
    print('epoch %d: loss %.4f train acc %.4f val acc %.4f'
          % (epoch, float(loss_value), float(train_acc.result()), float(val_acc.result())))
    train_acc.reset_states()
    val_acc.reset_states()
