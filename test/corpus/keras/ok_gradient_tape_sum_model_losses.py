# Idiom seen in: yooq/tensorflow_test src/GGGG/No2/定义自己的loss.py
#                behrouzmadahian/python tensorflow2/05_custom_layers_models/10_GradientTape_plus_loss.py
# What it reproduces: the Keras guide's loop from scratch: a layer with add_loss (activity
# regularization) plus Dense kernel_regularizer=l2, and `loss_value += sum(model.losses)` inside
# the tape before tape.gradient. Correctly wired.
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers


class ActivityRegularizationLayer(layers.Layer):
    def call(self, inputs):
        self.add_loss(1e-2 * tf.reduce_sum(inputs))
        return inputs


(x_train, y_train), (x_test, y_test) = keras.datasets.mnist.load_data()
x_train = x_train.reshape(60000, 784).astype('float32') / 255
batch_size = 64
train_dataset = tf.data.Dataset.from_tensor_slices((x_train, y_train))
train_dataset = train_dataset.shuffle(buffer_size=1024).batch(batch_size)

inputs = keras.Input(shape=(784,), name='digits')
x = layers.Dense(64, activation='relu', name='dense_1',
                 kernel_regularizer=keras.regularizers.l2(1e-4))(inputs)
x = ActivityRegularizationLayer()(x)
x = layers.Dense(64, activation='relu', name='dense_2',
                 kernel_regularizer=keras.regularizers.l2(1e-4))(x)
outputs = layers.Dense(10, name='predictions')(x)
model = keras.Model(inputs=inputs, outputs=outputs)

loss_fn = keras.losses.SparseCategoricalCrossentropy(from_logits=True)
optimizer = keras.optimizers.SGD(learning_rate=1e-3)

for epoch in range(3):
    print('Start of epoch %d' % (epoch,))
    for step, (x_batch_train, y_batch_train) in enumerate(train_dataset):
        with tf.GradientTape() as tape:
            logits = model(x_batch_train, training=True)
            loss_value = loss_fn(y_batch_train, logits)
            # add the extra losses created during this forward pass
            loss_value += sum(model.losses)
        grads = tape.gradient(loss_value, model.trainable_weights)
        optimizer.apply_gradients(zip(grads, model.trainable_weights))
        if step % 200 == 0:
            print('Training loss (for one batch) at step %s: %s' % (step, float(loss_value)))
