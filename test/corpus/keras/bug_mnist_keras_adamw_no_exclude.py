# Idiom seen in: Galtan-dev/neural_networks lekce_3_1/mnist_regularization.py
# What it reproduces: the course's mnist_regularization assignment (argparse --weight_decay swept up to 0.5, AdamW, decay
#   meant for the Dense kernels only) written in Keras: keras.optimizers.AdamW(weight_decay=...) is built without any
#   exclude_from_weight_decay call, so the biases are decayed as well (the repo's PyTorch version splits the groups).
import argparse
import datetime
import os
import re

import tensorflow as tf
from tensorflow import keras

from mnist import MNIST

parser = argparse.ArgumentParser()
parser.add_argument("--batch_size", default=50, type=int, help="Batch size.")
parser.add_argument("--dropout", default=0, type=float, help="Dropout regularization.")
parser.add_argument("--epochs", default=30, type=int, help="Number of epochs.")
parser.add_argument("--hidden_layer_sizes", default="400", type=str, help="Hidden layer sizes.")
parser.add_argument("--label_smoothing", default=0, type=float, help="Label smoothing.")
parser.add_argument("--seed", default=42, type=int, help="Random seed.")
parser.add_argument("--weight_decay", default=0.1, type=float, help="Weight decay strength.")


def main(args):
    keras.utils.set_random_seed(args.seed)
    logdir = os.path.join("logs", "{}-{}-{}".format(
        os.path.basename(globals().get("__file__", "notebook")),
        datetime.datetime.now().strftime("%Y-%m-%d_%H%M%S"),
        ",".join(("{}={}".format(re.sub("(.)[^_]*_?", r"\1", k), v) for k, v in sorted(vars(args).items())))
    ))

    mnist = MNIST(size={"train": 5000})

    model = keras.Sequential()
    model.add(keras.layers.Input([MNIST.H, MNIST.W, MNIST.C]))
    model.add(keras.layers.Flatten())
    if args.dropout > 0:
        model.add(keras.layers.Dropout(args.dropout))
    for hidden_layer in args.hidden_layer_sizes.split(","):
        model.add(keras.layers.Dense(int(hidden_layer), activation="relu"))
        if args.dropout > 0:
            model.add(keras.layers.Dropout(args.dropout))
    model.add(keras.layers.Dense(MNIST.LABELS, activation="softmax"))

    optimizer = keras.optimizers.AdamW(weight_decay=args.weight_decay)  # expect: WD203

    model.compile(
        optimizer=optimizer,
        loss=keras.losses.CategoricalCrossentropy(label_smoothing=args.label_smoothing),
        metrics=[keras.metrics.CategoricalAccuracy(name="accuracy")],
    )
    tb_callback = keras.callbacks.TensorBoard(logdir)
    model.fit(
        mnist.train.data["images"], keras.utils.to_categorical(mnist.train.data["labels"], MNIST.LABELS),
        batch_size=args.batch_size, epochs=args.epochs,
        validation_data=(mnist.dev.data["images"], keras.utils.to_categorical(mnist.dev.data["labels"], MNIST.LABELS)),
        callbacks=[tb_callback],
    )


if __name__ == "__main__":
    main(parser.parse_args([] if "__file__" not in globals() else None))
