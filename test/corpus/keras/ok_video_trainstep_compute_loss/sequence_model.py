# Idiom seen in: bbietzsche/Video-Processing sequence_model.py
# What it reproduces: the three-stream (video / depth / pose) GRU classifier, here with L2 on the
#   dense kernels and the GRUs' recurrent kernels, wrapped in CustomModel.
import tensorflow as tf
from custom_model import CustomModel

L2 = 1e-4


def get_sequence_model(num_classes=226):
    input_depth = tf.keras.layers.Input((60, 512))
    input_video = tf.keras.layers.Input((60, 512))
    input_pose = tf.keras.layers.Input((60, 270))

    pose = tf.keras.layers.Dense(256, activation="relu", kernel_regularizer=tf.keras.regularizers.l2(L2))(input_pose)
    pose = tf.keras.layers.Dropout(0.4)(pose)
    pose = tf.keras.layers.Dense(512, activation="relu", kernel_regularizer=tf.keras.regularizers.l2(L2))(pose)

    x = tf.keras.layers.Concatenate(axis=-1)([input_video, input_depth, pose])
    x = tf.keras.layers.GRU(128, return_sequences=True,
                            recurrent_regularizer=tf.keras.regularizers.l2(L2))(x)
    x = tf.keras.layers.GRU(256, recurrent_regularizer=tf.keras.regularizers.l2(L2))(x)
    x = tf.keras.layers.Dropout(0.4)(x)
    x = tf.keras.layers.Dense(256, activation="relu", kernel_regularizer=tf.keras.regularizers.l2(L2))(x)
    output = tf.keras.layers.Dense(num_classes, activation="softmax")(x)

    rnn_model = CustomModel([input_video, input_depth, input_pose], output)
    rnn_model.summary()
    return rnn_model
