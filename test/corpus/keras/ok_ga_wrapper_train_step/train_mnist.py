# Idiom seen in: andreped/GradientAccumulator tests/test_train_mnist.py
# Idiom seen in: andreped/GradientAccumulator GradientAccumulator/GAModelWrapper.py
# What it reproduces: an MNIST MLP with l2 kernel regularizers wrapped as GAModelWrapper(n_gradients=4,
#   inputs=..., outputs=...), compiled with Adam and fit: the overridden train_step adds self.losses.
import tensorflow as tf
import tensorflow_datasets as tfds

from GAModelWrapper import GAModelWrapper


def normalize_img(image, label):
    return tf.cast(image, tf.float32) / 255., label


(ds_train, ds_test), ds_info = tfds.load('mnist', split=['train', 'test'], shuffle_files=True,
                                        as_supervised=True, with_info=True)
ds_train = ds_train.map(normalize_img).cache().shuffle(ds_info.splits['train'].num_examples).batch(32)
ds_test = ds_test.map(normalize_img).batch(32).cache()

reg = tf.keras.regularizers.l2(1e-4)
inputs = tf.keras.layers.Input(shape=(28, 28))
x = tf.keras.layers.Flatten()(inputs)
x = tf.keras.layers.Dense(128, activation='relu', kernel_regularizer=reg)(x)
x = tf.keras.layers.Dense(64, activation='relu', kernel_regularizer=reg)(x)
outputs = tf.keras.layers.Dense(10, kernel_regularizer=reg)(x)

model = GAModelWrapper(n_gradients=4, inputs=inputs, outputs=outputs)
model.compile(optimizer=tf.keras.optimizers.Adam(1e-3),
              loss=tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True),
              metrics=[tf.keras.metrics.SparseCategoricalAccuracy()])
model.fit(ds_train, epochs=3, validation_data=ds_test)
