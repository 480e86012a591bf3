# Idiom seen in: ok69531/dacon gcn.py
# What it reproduces: the repo compiled and fit this model; here it is trained in a GradientTape
#   loop (to log per-step MAE) whose loss is the MAE only: the regularizers of layers.py/model.py
#   fill model.losses but the tape never sees them.
import argparse

import tensorflow as tf

from model import build_model
from mol_graphs import make_dataset


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument("--lr", type=float, default=1e-4)
    parser.add_argument("--l2", type=float, default=5e-4)
    args = parser.parse_args()

    model = build_model(l2_reg=args.l2)
    optimizer = tf.keras.optimizers.Adam(args.lr)
    mae = tf.keras.losses.MeanAbsoluteError()
    train = make_dataset("train.csv").batch(1)

    @tf.function
    def train_step(graph, y):
        with tf.GradientTape() as tape:
            yhat = model(graph, training=True)
            loss = mae(y, tf.squeeze(yhat, -1))
        grads = tape.gradient(loss, model.trainable_variables)
        optimizer.apply_gradients(zip(grads, model.trainable_variables))
        return loss

    for epoch in range(args.epochs):
        total = 0.0
        for step, (graph, y) in enumerate(train):
            total += float(train_step(graph, y))
        print(f"epoch {epoch}: mae {total / (step + 1):.4f}")
    model.save("gcn_model")


if __name__ == "__main__":
    main()
