# Idiom seen in: reneaas/BNN-Estimation-of-NLO-Cross-Sections code/core/train_multi_gpu.py
# What it reproduces: multi-GPU MLE pre-fit with MirroredStrategy and a custom step run by
#   strategy.run; the regularization sum is scaled with tf.nn.scale_regularization_loss and
#   reported, but tape.gradient differentiates only the averaged data loss.
import argparse

import numpy as np
import tensorflow as tf

from model import build_model
from slha_loader.slha_loader import SLHAloader
from utils.preprocessing import split_data


def main(epochs, batch_per_replica, lamb):
    strategy = tf.distribute.MirroredStrategy()
    global_batch = batch_per_replica * strategy.num_replicas_in_sync

    dl = SLHAloader(particle_ids=["1000022", "1000022"], feat_dir="./features",
                    target_dir="./targets", target_keys=["nlo"])
    targets = np.log10(dl.targets.get("nlo").to_numpy())
    x_train, y_train = split_data(features=dl.features.to_numpy(), targets=targets)["train"]
    ds = tf.data.Dataset.from_tensor_slices(
        (x_train.astype("float32"), y_train[:, None].astype("float32"))).shuffle(10_000).batch(global_batch)
    dist_ds = strategy.experimental_distribute_dataset(ds)

    with strategy.scope():
        model = build_model(x_train.shape[-1], lamb=lamb)
        optimizer = tf.keras.optimizers.Adam(1e-3)
        mse = tf.keras.losses.MeanSquaredError(reduction=tf.keras.losses.Reduction.NONE)
        reg_metric = tf.keras.metrics.Mean("reg_loss")

    def train_step(inputs):
        x, y = inputs
        with tf.GradientTape() as tape:
            y_pred = model(x, training=True)
            data_loss = tf.nn.compute_average_loss(mse(y, y_pred), global_batch_size=global_batch)
            reg_loss = tf.nn.scale_regularization_loss(tf.add_n(model.losses))  # expect: WD105
        grads = tape.gradient(data_loss, model.trainable_variables)
        optimizer.apply_gradients(zip(grads, model.trainable_variables))
        reg_metric.update_state(reg_loss)
        return data_loss

    @tf.function
    def distributed_train_step(inputs):
        per_replica = strategy.run(train_step, args=(inputs,))
        return strategy.reduce(tf.distribute.ReduceOp.SUM, per_replica, axis=None)

    for epoch in range(epochs):
        total, n = 0.0, 0
        for batch in dist_ds:
            total += float(distributed_train_step(batch))
            n += 1
        print(f"epoch {epoch} loss {total / n:.5f} reg {float(reg_metric.result()):.5f}")
        reg_metric.reset_state()


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--epochs", type=int, default=100)
    parser.add_argument("--batch", type=int, default=256)
    parser.add_argument("--lamb", type=float, default=1e-3)
    args = parser.parse_args()
    main(args.epochs, args.batch, args.lamb)
