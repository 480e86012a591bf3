# Idiom seen in: Galtan-dev/neural_networks lekce_3_1/mnist_regularization.py
# What it reproduces: the same mnist_regularization assignment in Keras done as the repo does it in PyTorch: decoupled
#   AdamW decay on the Dense kernels only, the biases excluded with one exclude_from_weight_decay(var_names=["bias"])
#   call, and no layer regularizer on top: clean.
import argparse

import tensorflow as tf
from tensorflow import keras

from mnist import MNIST

parser = argparse.ArgumentParser()
parser.add_argument("--batch_size", default=50, type=int, help="Batch size.")
parser.add_argument("--epochs", default=30, type=int, help="Number of epochs.")
parser.add_argument("--hidden_layer_sizes", default="400", type=str, help="Hidden layer sizes.")
parser.add_argument("--label_smoothing", default=0, type=float, help="Label smoothing.")
parser.add_argument("--seed", default=42, type=int, help="Random seed.")
parser.add_argument("--weight_decay", default=0.1, type=float, help="Weight decay strength.")


def main(args):
    keras.utils.set_random_seed(args.seed)
    mnist = MNIST(size={"train": 5000})

    inputs = keras.layers.Input([MNIST.H, MNIST.W, MNIST.C])
    hidden = keras.layers.Flatten()(inputs)
    for size in args.hidden_layer_sizes.split(","):
        hidden = keras.layers.Dense(int(size), activation="relu")(hidden)
    outputs = keras.layers.Dense(MNIST.LABELS, activation="softmax")(hidden)
    model = keras.Model(inputs=inputs, outputs=outputs)

    optimizer = keras.optimizers.AdamW(weight_decay=args.weight_decay)
    optimizer.exclude_from_weight_decay(var_names=["bias"])

    model.compile(
        optimizer=optimizer,
        loss=keras.losses.CategoricalCrossentropy(label_smoothing=args.label_smoothing),
        metrics=[keras.metrics.CategoricalAccuracy(name="accuracy")],
    )
    model.fit(
        mnist.train.data["images"], keras.utils.to_categorical(mnist.train.data["labels"], MNIST.LABELS),
        batch_size=args.batch_size, epochs=args.epochs,
        validation_data=(mnist.dev.data["images"], keras.utils.to_categorical(mnist.dev.data["labels"], MNIST.LABELS)),
    )


if __name__ == "__main__":
    main(parser.parse_args([] if "__file__" not in globals() else None))
