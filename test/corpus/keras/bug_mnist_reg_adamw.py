# Idiom seen in: ufal/npfl114 labs/03/mnist_regularization.py (argparse --l2 / --dropout / --label_smoothing, L2 on all Dense kernels) and its ufal/npfl138 successor (keras.optimizers.AdamW(weight_decay=args.weight_decay) + exclude_from_weight_decay(var_names=['bias']))
# What it reproduces: a course-style MNIST MLP whose solution keeps the kernel L2 regularizers from the older
#   assignment and also switches to AdamW with decoupled weight decay: the kernels are decayed twice (WD201).
import argparse
import datetime
import os
import re
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

import numpy as np
import tensorflow as tf

from mnist import MNIST

parser = argparse.ArgumentParser()
parser.add_argument("--batch_size", default=50, type=int, help="Batch size.")
parser.add_argument("--dropout", default=0.3, type=float, help="Dropout regularization.")
parser.add_argument("--epochs", default=30, type=int, help="Number of epochs.")
parser.add_argument("--hidden_layers", default=[400], nargs="*", type=int, help="Hidden layer sizes.")
parser.add_argument("--l2", default=1e-4, type=float, help="L2 regularization.")
parser.add_argument("--label_smoothing", default=0.1, type=float, help="Label smoothing.")
parser.add_argument("--seed", default=42, type=int, help="Random seed.")
parser.add_argument("--threads", default=1, type=int, help="Maximum number of threads to use.")
parser.add_argument("--weight_decay", default=4e-3, type=float, help="Weight decay strength.")


def main(args: argparse.Namespace) -> float:
    np.random.seed(args.seed)
    tf.random.set_seed(args.seed)
    tf.config.threading.set_inter_op_parallelism_threads(args.threads)
    tf.config.threading.set_intra_op_parallelism_threads(args.threads)

    args.logdir = os.path.join("logs", "{}-{}-{}".format(
        os.path.basename(globals().get("__file__", "notebook")),
        datetime.datetime.now().strftime("%Y-%m-%d_%H%M%S"),
        ",".join(("{}={}".format(re.sub("(.)[^_]*_?", r"\1", key), value) for key, value in sorted(vars(args).items())))
    ))

    mnist = MNIST(size={"train": 5000})

    model = tf.keras.Sequential()
    model.add(tf.keras.layers.Flatten(input_shape=[MNIST.H, MNIST.W, MNIST.C]))
    model.add(tf.keras.layers.Dropout(args.dropout))
    for hidden_layer in args.hidden_layers:
        model.add(tf.keras.layers.Dense(hidden_layer, activation=tf.nn.relu,
                                        kernel_regularizer=tf.keras.regularizers.L2(args.l2) if args.l2 else None))  # expect: WD201
        model.add(tf.keras.layers.Dropout(args.dropout))
    model.add(tf.keras.layers.Dense(MNIST.LABELS, activation=tf.nn.softmax,
                                    kernel_regularizer=tf.keras.regularizers.L2(args.l2) if args.l2 else None))  # expect: WD201

    optimizer = tf.keras.optimizers.AdamW(weight_decay=args.weight_decay)
    optimizer.exclude_from_weight_decay(var_names=["bias"])

    model.compile(
        optimizer=optimizer,
        loss=tf.losses.CategoricalCrossentropy(label_smoothing=args.label_smoothing),
        metrics=[tf.metrics.CategoricalAccuracy(name="accuracy")],
    )

    one_hot = lambda labels: tf.one_hot(labels, MNIST.LABELS)
    tb_callback = tf.keras.callbacks.TensorBoard(args.logdir, histogram_freq=1, update_freq=100, profile_batch=0)
    logs = model.fit(
        mnist.train.data["images"], one_hot(mnist.train.data["labels"]),
        batch_size=args.batch_size, epochs=args.epochs,
        validation_data=(mnist.dev.data["images"], one_hot(mnist.dev.data["labels"])),
        callbacks=[tb_callback],
    )
    return logs.history["val_accuracy"][-1]


if __name__ == "__main__":
    args = parser.parse_args([] if "__file__" not in globals() else None)
    main(args)
