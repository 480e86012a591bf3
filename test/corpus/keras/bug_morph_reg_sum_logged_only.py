# Idiom seen in: jk983294/morph book/tensorflow/keras_demo/custom_fit/custom_train3_with_added_loss.py
# What it reproduces: the repository's @tf.function GradientTape loop that sums model.losses; realistic mistake: the sum is
#   kept as a separate "reg_loss" that is returned and printed, while the loss given to tape.gradient is the data loss only.
import time

import tensorflow as tf
import tensorflow.keras.layers as layers

from datasets import load_churn


def build_model(n_features, wd=5e-4):
    inputs = tf.keras.Input(shape=(n_features,), name="features")
    x = layers.Dense(128, activation="relu", kernel_regularizer=tf.keras.regularizers.l2(wd))(inputs)
    x = layers.Dense(64, activation="relu", kernel_regularizer=tf.keras.regularizers.l2(wd))(x)
    outputs = layers.Dense(1, name="logit")(x)
    return tf.keras.Model(inputs=inputs, outputs=outputs)


(x_train, y_train), _ = load_churn()
model = build_model(x_train.shape[1])
optimizer = tf.keras.optimizers.SGD(learning_rate=1e-2, momentum=0.9)
loss_fn = tf.keras.losses.BinaryCrossentropy(from_logits=True)


@tf.function
def train_step(x, y):
    with tf.GradientTape() as tape:
        logits = model(x, training=True)
        loss_value = loss_fn(y, logits)
        reg_loss = tf.add_n(model.losses)  # expect: WD105
    grads = tape.gradient(loss_value, model.trainable_weights)
    optimizer.apply_gradients(zip(grads, model.trainable_weights))
    return loss_value, reg_loss


train_dataset = tf.data.Dataset.from_tensor_slices((x_train, y_train)).shuffle(4096).batch(128)
for epoch in range(20):
    start = time.time()
    for step, (xb, yb) in enumerate(train_dataset):
        loss_value, reg_loss = train_step(xb, yb)
        if step % 100 == 0:
            print("epoch %d step %d loss %.4f reg %.4f" % (epoch, step, float(loss_value), float(reg_loss)))
    print("epoch time %.2fs" % (time.time() - start))
