# Idiom seen in: rhasanbd/Custom-Training-Loop-Using-TensorFlow-Keras Keras-Custom Training Loop-2-Distributed Training.ipynb
# What it reproduces: create_model() builds a CNN with l2 kernel regularizers; train.py's factory returns a
# tf.function step that adds tf.nn.scale_regularization_loss(tf.add_n(model.losses)) to the averaged loss
# differentiated under MirroredStrategy. Clean.
import tensorflow as tf

L2 = 1e-4


def create_model(num_classes=10):
    reg = tf.keras.regularizers.l2(L2)
    return tf.keras.Sequential([
        tf.keras.layers.Conv2D(32, 3, activation='relu', kernel_regularizer=reg, input_shape=(28, 28, 1)),
        tf.keras.layers.MaxPooling2D(),
        tf.keras.layers.Conv2D(64, 3, activation='relu', kernel_regularizer=reg),
        tf.keras.layers.MaxPooling2D(),
        tf.keras.layers.Flatten(),
        tf.keras.layers.Dense(64, activation='relu', kernel_regularizer=reg),
        tf.keras.layers.Dense(num_classes),
    ])
