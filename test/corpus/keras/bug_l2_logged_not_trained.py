# Idiom seen in: cyrsis/TensorflowPY36CPU _7_Keras/Advance/s2/1.4/2_l1_l2_weight_decay.py
# What it reproduces: the weight-distribution demo (one Dense with l2(0.01), no bias, printing weights each
# epoch) moved to a GradientTape loop: the user sums model.losses for the log line but differentiates the
# bare MSE, so the sum is never minimized (WD105 on the add_n line).
import numpy as np
import tensorflow as tf
from tensorflow.keras import regularizers
from tensorflow.keras.layers import Dense
from tensorflow.keras.models import Sequential

np.set_printoptions(precision=3, suppress=True)

model = Sequential([
    Dense(1, activation=None, input_shape=(10,), use_bias=False,
          kernel_regularizer=regularizers.l2(0.01)),
])
optimizer = tf.keras.optimizers.Adam(learning_rate=1e-4)
mse = tf.keras.losses.MeanSquaredError()

size = 1000
val = np.random.standard_normal(size=size)
x = np.reshape(np.repeat(val, 10, axis=0), (-1, 10)).astype('float32')
y = np.mean(x, axis=1, keepdims=True)
dataset = tf.data.Dataset.from_tensor_slices((x, y)).batch(128)

for epoch in range(400):
    for xb, yb in dataset:
        with tf.GradientTape() as tape:
            pred = model(xb, training=True)
            data_loss = mse(yb, pred)
            reg_loss = tf.add_n(model.losses)  # expect: WD105
        grads = tape.gradient(data_loss, model.trainable_variables)
        optimizer.apply_gradients(zip(grads, model.trainable_variables))
    if epoch % 20 == 0:
        print(epoch, float(data_loss), float(reg_loss), np.concatenate(model.get_weights()).flatten())
