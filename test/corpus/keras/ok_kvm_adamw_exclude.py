# Idiom seen in: IMvision12/keras-vision-models kmodels/models/resnetv2/resnetv2_layers.py
# What it reproduces: a Keras 3 BiT-style ResNetV2 head-to-toe fine-tune: weight-standardized StdConv2D (a Conv2D
#   subclass forwarding kernel_regularizer, left at None), GroupNorm, and keras.optimizers.AdamW whose decoupled decay
#   is kept off biases and norm scales/offsets with exclude_from_weight_decay. Clean.
import argparse

import keras
from keras import layers, ops

from data_pipeline import get_datasets


class StdConv2D(layers.Conv2D):
    def __init__(self, filters, kernel_size, eps=1e-8, kernel_regularizer=None, **kwargs):
        super().__init__(filters, kernel_size, kernel_regularizer=kernel_regularizer, **kwargs)
        self.eps = eps

    def convolution_op(self, inputs, kernel):
        mean = ops.mean(kernel, axis=[0, 1, 2], keepdims=True)
        var = ops.mean(ops.square(kernel - mean), axis=[0, 1, 2], keepdims=True)
        return super().convolution_op(inputs, (kernel - mean) / ops.sqrt(var + self.eps))


def preact_block(x, filters, stride, name):
    shortcut = x
    x = layers.GroupNormalization(32, name=name + "_gn1")(x)
    x = layers.ReLU()(x)
    if stride != 1 or shortcut.shape[-1] != filters:
        shortcut = StdConv2D(filters, 1, strides=stride, use_bias=False, name=name + "_proj")(x)
    x = StdConv2D(filters, 3, strides=stride, padding="same", use_bias=False, name=name + "_conv1")(x)
    x = layers.GroupNormalization(32, name=name + "_gn2")(x)
    x = layers.ReLU()(x)
    x = StdConv2D(filters, 3, padding="same", use_bias=False, name=name + "_conv2")(x)
    return layers.Add()([x, shortcut])


def build_model(num_classes, image_size=224):
    inputs = keras.Input((image_size, image_size, 3))
    x = StdConv2D(64, 7, strides=2, padding="same", use_bias=False, name="stem_conv")(inputs)
    for i, (filters, stride) in enumerate([(64, 1), (128, 2), (256, 2), (512, 2)]):
        x = preact_block(x, filters, stride, "stage%d" % i)
    x = layers.GroupNormalization(32, name="final_gn")(x)
    x = layers.ReLU()(x)
    x = layers.GlobalAveragePooling2D()(x)
    outputs = layers.Dense(num_classes, name="head")(x)
    return keras.Model(inputs, outputs)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--num-classes", type=int, default=102)
    parser.add_argument("--lr", type=float, default=1e-3)
    parser.add_argument("--weight-decay", type=float, default=0.05)
    parser.add_argument("--epochs", type=int, default=30)
    args = parser.parse_args()

    train_ds, val_ds = get_datasets("oxford_flowers102", batch_size=64)
    model = build_model(args.num_classes)
    optimizer = keras.optimizers.AdamW(learning_rate=args.lr, weight_decay=args.weight_decay)
    optimizer.exclude_from_weight_decay(var_names=["bias", "gamma", "beta"])
    model.compile(optimizer=optimizer,
                  loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
                  metrics=["accuracy"])
    model.fit(train_ds, validation_data=val_ds, epochs=args.epochs)


if __name__ == "__main__":
    main()
