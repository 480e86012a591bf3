# Idiom seen in: rasbt/python-machine-learning-book-3rd-edition ch14/ch14_part1.py
# Idiom seen in: rasbt/python-machine-learning-book-3rd-edition ch13/ch13_part2.py
# What it reproduces: the book's XOR classifier (Sequential of Dense layers on 200 uniform points) given
#   kernel_regularizer=l2 and trained with the book's GradientTape step; the step adds tf.add_n(model.losses)
#   to the binary cross entropy inside the tape, so the L2 terms train. Clean.
import numpy as np
import tensorflow as tf

tf.random.set_seed(1)
np.random.seed(1)

x = np.random.uniform(low=-1, high=1, size=(200, 2)).astype(np.float32)
y = np.ones(len(x), dtype=np.float32)
y[x[:, 0] * x[:, 1] < 0] = 0
x_train, y_train = x[:100, :], y[:100]
x_valid, y_valid = x[100:, :], y[100:]

model = tf.keras.Sequential()
model.add(tf.keras.layers.Dense(units=4, input_shape=(2,), activation='relu',
                                kernel_regularizer=tf.keras.regularizers.l2(1e-3)))
model.add(tf.keras.layers.Dense(units=4, activation='relu',
                                kernel_regularizer=tf.keras.regularizers.l2(1e-3)))
model.add(tf.keras.layers.Dense(units=4, activation='relu',
                                kernel_regularizer=tf.keras.regularizers.l2(1e-3)))
model.add(tf.keras.layers.Dense(units=1, activation='sigmoid'))
model.summary()

loss_fn = tf.keras.losses.BinaryCrossentropy()
optimizer = tf.keras.optimizers.SGD(learning_rate=0.05)
train_acc = tf.keras.metrics.BinaryAccuracy()


@tf.function
def train_step(bx, by):
    with tf.GradientTape() as tape:
        pred = model(bx, training=True)
        loss = loss_fn(by, pred) + tf.add_n(model.losses)
    grads = tape.gradient(loss, model.trainable_variables)
    optimizer.apply_gradients(zip(grads, model.trainable_variables))
    train_acc.update_state(by, pred)
    return loss


ds_train = tf.data.Dataset.from_tensor_slices((x_train, y_train[:, None])).shuffle(100).batch(2)
for epoch in range(200):
    train_acc.reset_states()
    for bx, by in ds_train:
        loss = train_step(bx, by)
    if epoch % 20 == 0:
        valid_acc = tf.keras.metrics.binary_accuracy(y_valid[:, None], model(x_valid)).numpy().mean()
        print('epoch %3d loss %.4f train acc %.3f valid acc %.3f'
              % (epoch, float(loss), float(train_acc.result()), valid_acc))
