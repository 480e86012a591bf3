# Idiom seen in: lfoppiano/deep-learning-tutorials gettingStarted/keras_1.py
# What it reproduces: the getting-started Sequential model with L2 kernel regularizers trained in a GradientTape
# loop (user variant); the regularization sum over model.losses is computed and written to TensorBoard as part
# of a "total" scalar, but tape.gradient differentiates the data loss only.
import numpy as np
import tensorflow as tf
from tensorflow.keras import layers

model = tf.keras.Sequential([
    layers.Dense(64, activation='relu', input_shape=(32,),
                 kernel_regularizer=tf.keras.regularizers.l2(0.01)),
    layers.Dense(64, activation='relu', kernel_regularizer=tf.keras.regularizers.l2(0.01)),
    layers.Dense(10, activation='softmax'),
])

data = np.random.random((1000, 32)).astype('float32')
labels = np.random.randint(10, size=(1000,))
dataset = tf.data.Dataset.from_tensor_slices((data, labels)).shuffle(1000).batch(32)

loss_fn = tf.keras.losses.SparseCategoricalCrossentropy()
optimizer = tf.keras.optimizers.SGD(0.05, momentum=0.9)
writer = tf.summary.create_file_writer('/tmp/keras_1_logs')


@tf.function
def train_step(x, y):
    with tf.GradientTape() as tape:
        probs = model(x, training=True)
        pred_loss = loss_fn(y, probs)
        reg_loss = tf.add_n(model.losses)  # expect: WD105
        total_loss = pred_loss + reg_loss
    grads = tape.gradient(pred_loss, model.trainable_variables)
    optimizer.apply_gradients(zip(grads, model.trainable_variables))
    return pred_loss, total_loss


step = 0
for epoch in range(5):
    for x, y in dataset:
        pred_loss, total_loss = train_step(x, y)
        with writer.as_default():
            tf.summary.scalar('pred_loss', pred_loss, step=step)
            tf.summary.scalar('total_loss', total_loss, step=step)
        step += 1
