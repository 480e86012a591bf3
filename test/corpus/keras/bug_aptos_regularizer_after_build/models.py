# Idiom seen in: qianlin404/aptos19 models.py
# What it reproduces: model factories returning built functional models around pretrained keras.applications
#   bodies; nothing here sets a regularizer.
import numpy as np
import tensorflow as tf


def get_inception_resnet_v2(training: bool = True, model_ckpt: str = None):
    inputs = tf.keras.layers.Input(shape=(299, 299, 3), dtype=np.float32)
    inception_body = tf.keras.applications.inception_resnet_v2.InceptionResNetV2(
        include_top=False, weights="imagenet", input_tensor=inputs, pooling="avg")
    pred = tf.keras.layers.Dropout(0.4)(inception_body.output)
    pred = tf.keras.layers.Dense(5, activation="softmax", name="scores")(pred)
    return tf.keras.Model(inputs, pred)


def get_resnet_50(training: bool = True, model_ckpt: str = None):
    inputs = tf.keras.layers.Input(shape=(256, 256, 3), dtype=np.float32)
    resnet_body = tf.keras.applications.resnet50.ResNet50(include_top=False, weights="imagenet",
                                                          input_tensor=inputs, pooling="avg")
    pred = tf.keras.layers.Dropout(0.4)(resnet_body.output)
    pred = tf.keras.layers.Dense(5, activation="softmax", name="scores")(pred)
    return tf.keras.Model(inputs, pred)
