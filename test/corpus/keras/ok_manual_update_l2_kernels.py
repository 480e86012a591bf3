# Idiom seen in: ilya1245/Python_code_samples keraz/common.py
# What it reproduces: train_step(x, y, model) that differentiates a hand-built loss and updates
#   model.variables with assign_add; the loss carries wd * l2_loss over the kernels, lr*wd tiny. Clean.
import tensorflow as tf

from keraz.data import make_regression_data

LR = 0.05
WD = 1e-4


@tf.function
def train_step(x, y, model):
    with tf.GradientTape() as tape:
        y_hat = model(x)
        mse = tf.reduce_mean(tf.square(y - y_hat))
        l2 = tf.add_n([tf.nn.l2_loss(v) for v in model.trainable_variables if 'kernel' in v.name])
        loss = mse + WD * l2
    gradients = tape.gradient(loss, model.trainable_variables)
    for g, v in zip(gradients, model.trainable_variables):
        v.assign_add(tf.constant([-LR], dtype=tf.float32) * g)
    return loss


model = tf.keras.Sequential([
    tf.keras.layers.Dense(16, activation='relu', input_shape=(3,)),
    tf.keras.layers.Dense(1),
])

x_train, y_train = make_regression_data(n=1024)
for epoch in range(200):
    loss = train_step(x_train, y_train, model)
    if epoch % 20 == 0:
        print(epoch, float(loss))
