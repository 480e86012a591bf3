# Idiom seen in: Sardhendu/self-driving-vehicle src/traffic_sign_classifier/model.py (dataset_pipeline, LeNet as a tf.Module holding keras layers)
# What it reproduces: a TF2 model with no regularizers, called as a plain function by train.py's grad() helper. No decay logic here; the bug (WD104) is labelled in train.py.
import numpy as np
import tensorflow as tf
from tensorflow.keras import layers


def dataset_pipeline(images, labels, input_fn, params, mode="train"):
    num_classes = tf.constant(
        np.repeat(params["num_classes"], len(images)).astype(np.int32), dtype=tf.int32)
    with tf.name_scope("input_pipeline"):
        pipeline = tf.data.Dataset.from_tensor_slices((images, labels, num_classes))
        pipeline = pipeline.map(input_fn, num_parallel_calls=2)
        if mode == "train":
            pipeline = (pipeline.repeat(params["epochs"])
                        .shuffle(buffer_size=int(images.shape[0]),
                                 reshuffle_each_iteration=True)
                        .batch(params["batch_size"]))
        else:
            pipeline = pipeline.batch(params["batch_size"])
        return pipeline


class LeNet(tf.Module):
    def __init__(self, num_classes):
        super().__init__()
        self.conv1 = layers.Conv2D(filters=6, kernel_size=(5, 5), activation="relu")
        self.pool1 = layers.MaxPool2D(pool_size=(2, 2), strides=(2, 2))
        self.conv2 = layers.Conv2D(filters=16, kernel_size=(5, 5), activation="relu")
        self.pool2 = layers.MaxPool2D(pool_size=(2, 2), strides=(2, 2))
        self.flatten = layers.Flatten()
        self.dense = layers.Dense(120, activation="relu")
        self.dense2 = layers.Dense(84, activation="relu")
        self.logits = layers.Dense(num_classes)

    def __call__(self, features):
        out = self.pool1(self.conv1(features))
        out = self.pool2(self.conv2(out))
        out = self.flatten(out)
        out = self.dense2(self.dense(out))
        return self.logits(out)
