# Idiom seen in: yeyinthtoon/kyolo train_jax.py
# What it reproduces: Keras 3 on the JAX backend with a decoupled keras.optimizers.AdamW whose
#   exclude_from_weight_decay() is called once for BN gamma/beta, moving stats and biases, a
#   cosine warmup schedule, compile + fit; the layers have no regularizers. Clean.
import os

os.environ["KERAS_BACKEND"] = "jax"

import jax
import keras
from keras import layers

from kyolo.data.dataset import build_tfrec_dataset

CONFIG = {
    "img_size": 320,
    "widths": [64, 128, 256],
    "num_classes": 80,
    "epochs": 100,
    "weight_decay": 0.05,
}


def conv_bn(x, filters, kernel_size=3, strides=1):
    x = layers.Conv2D(filters, kernel_size, strides=strides, padding="same", use_bias=False)(x)
    x = layers.BatchNormalization(momentum=0.97, epsilon=1e-3)(x)
    return layers.Activation("silu")(x)


def build_model(cfg):
    inputs = keras.Input(shape=(cfg["img_size"], cfg["img_size"], 3))
    x = conv_bn(inputs, 32, 3, 2)
    for width in cfg["widths"]:
        x = conv_bn(x, width, 3, 2)
        x = conv_bn(x, width, 3, 1)
    x = layers.GlobalAveragePooling2D()(x)
    return keras.Model(inputs, layers.Dense(cfg["num_classes"])(x))


def main():
    keras.distribution.set_distribution(keras.distribution.DataParallel(devices=jax.devices()))
    train_ds = build_tfrec_dataset("data/train-*.tfrecord", CONFIG, "classify", "train")
    val_ds = build_tfrec_dataset("data/val-*.tfrecord", CONFIG, "classify", "val")
    model = build_model(CONFIG)
    schedule = keras.optimizers.schedules.CosineDecay(
        0.0, 15 * 97, alpha=0.0, warmup_target=1e-3, warmup_steps=45)
    optimizer = keras.optimizers.AdamW(learning_rate=schedule, weight_decay=CONFIG["weight_decay"])
    optimizer.exclude_from_weight_decay(var_names=["gamma", "beta", "moving_mean", "moving_variance", "bias"])
    model.compile(optimizer=optimizer,
                  loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
                  metrics=["accuracy"], jit_compile=True)
    model.fit(train_ds, epochs=CONFIG["epochs"], validation_data=val_ds,
              callbacks=[keras.callbacks.TerminateOnNaN()])


if __name__ == "__main__":
    main()
