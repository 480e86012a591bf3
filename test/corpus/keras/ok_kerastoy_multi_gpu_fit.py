# Idiom seen in: flamearrow/ml kerastoy/toys/multi_gpus.py
# What it reproduces: MirroredStrategy scope, a Sequential with kernel_regularizer=l2 on its Dense layers, compiled
#   with plain SGD and trained with model.fit, which adds model.losses (scaled per replica) to the loss. Clean.
import numpy as np
import tensorflow as tf
from tensorflow.keras import layers, regularizers

strategy = tf.distribute.MirroredStrategy()
print("replicas:", strategy.num_replicas_in_sync)

with strategy.scope():
    model = tf.keras.Sequential()
    model.add(layers.Dense(64, activation="relu", input_shape=(10,),
                           kernel_regularizer=regularizers.l2(1e-4)))
    model.add(layers.Dense(64, activation="relu", kernel_regularizer=regularizers.l2(1e-4)))
    model.add(layers.Dense(1))
    optimizer = tf.keras.optimizers.SGD(0.2)
    model.compile(loss=tf.keras.losses.BinaryCrossentropy(from_logits=True), optimizer=optimizer)

model.summary()

x = np.random.random((1024, 10)).astype("float32")
y = np.random.randint(2, size=(1024, 1))
dataset = tf.data.Dataset.from_tensor_slices((x, y)).shuffle(buffer_size=1024).batch(32)
model.fit(dataset, epochs=3)
