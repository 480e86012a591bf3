# Idiom seen in: boratechlife/tensorflow-questions tensorflow/tf-keras-regularizers-l2.md
# What it reproduces: "add L2 regularization to the layers of a pre-existing model": a loop over the built
# MobileNetV2 base sets layer.kernel_regularizer after construction and never rebuilds the model, so no loss is
# added and fit trains without decay (WD106 on the assignment).
import argparse

import tensorflow as tf
from tensorflow.keras import layers, regularizers

from flowers_input import make_datasets


def build(num_classes, weight_decay):
    base = tf.keras.applications.MobileNetV2(input_shape=(224, 224, 3), include_top=False,
                                             weights='imagenet')
    base.trainable = True
    for layer in base.layers[-40:]:
        if isinstance(layer, (layers.Conv2D, layers.DepthwiseConv2D)):
            layer.kernel_regularizer = regularizers.l2(weight_decay)  # expect: WD106
    inputs = tf.keras.Input((224, 224, 3))
    x = tf.keras.applications.mobilenet_v2.preprocess_input(inputs)
    x = base(x, training=False)
    x = layers.GlobalAveragePooling2D()(x)
    x = layers.Dropout(0.2)(x)
    outputs = layers.Dense(num_classes)(x)
    return tf.keras.Model(inputs, outputs)


if __name__ == '__main__':
    parser = argparse.ArgumentParser()
    parser.add_argument('--weight_decay', type=float, default=1e-4)
    parser.add_argument('--epochs', type=int, default=10)
    args = parser.parse_args()
    train_ds, val_ds, class_names = make_datasets(batch_size=32)
    model = build(len(class_names), args.weight_decay)
    model.compile(optimizer=tf.keras.optimizers.RMSprop(1e-5),
                  loss=tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True),
                  metrics=['accuracy'])
    model.fit(train_ds, validation_data=val_ds, epochs=args.epochs)
