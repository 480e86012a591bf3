# Idiom seen in: ShinewineW/LearningSmth Tensorflow2.0xLearning/ch7/Overfitting_Regularization.py
# What it reproduces: the course's "regularization with GradientTape" pattern done wrong: the L2 terms of
#   the kernel_regularizer layers are summed (tf.add_n(model.losses)) into a total that is only printed,
#   while tape.gradient differentiates the bare cross entropy (WD105 on the sum only).
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import datasets, layers, optimizers, Sequential

(x, y), (x_val, y_val) = datasets.mnist.load_data()
db = tf.data.Dataset.from_tensor_slices((x.reshape(-1, 784) / 255., y)).shuffle(10000).batch(128)

model = Sequential([
    layers.Dense(256, activation=tf.nn.relu, kernel_regularizer=keras.regularizers.l2(0.001)),
    layers.Dense(128, activation=tf.nn.relu, kernel_regularizer=keras.regularizers.l2(0.001)),
    layers.Dense(10),
])
model.build(input_shape=[None, 784])
optimizer = optimizers.Adam(learning_rate=1e-3)

for epoch in range(20):
    for step, (xb, yb) in enumerate(db):
        with tf.GradientTape() as tape:
            logits = model(tf.cast(xb, tf.float32), training=True)
            y_onehot = tf.one_hot(yb, depth=10)
            loss = tf.reduce_mean(tf.losses.categorical_crossentropy(y_onehot, logits, from_logits=True))
            loss_regularization = tf.add_n(model.losses)  # expect: WD105
            total = loss + loss_regularization
        grads = tape.gradient(loss, model.trainable_variables)
        optimizer.apply_gradients(zip(grads, model.trainable_variables))
        if step % 100 == 0:
            print(epoch, step, 'loss:', float(loss), 'total:', float(total))
