# Idiom seen in: emla2805/vision-transformer model.py
# Idiom seen in: emla2805/vision-transformer train.py
# What it reproduces: the repo's VisionTransformer without layer regularizers, trained in a GradientTape loop with
#   tfa.optimizers.AdamW whose apply_gradients gets decay_var_list = the Dense kernels only, so no bias, LayerNorm or
#   embedding is decayed and nothing is decayed twice: clean.
from argparse import ArgumentParser

import tensorflow as tf
import tensorflow_addons as tfa
import tensorflow_datasets as tfds

from model import VisionTransformer


def main(args):
    ds = tfds.load("cifar10", as_supervised=True)
    ds_train = ds["train"].cache().shuffle(1024).batch(args.batch_size).prefetch(tf.data.experimental.AUTOTUNE)

    model = VisionTransformer(image_size=32, patch_size=4, num_layers=args.num_layers,
                              num_classes=10, d_model=64, num_heads=4, mlp_dim=128)
    model.build((None, 32, 32, 3))
    loss_fn = tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True)
    optimizer = tfa.optimizers.AdamW(weight_decay=args.weight_decay, learning_rate=args.lr)

    # Decoupled decay on the Dense kernels only.
    decay_vars = [v for v in model.trainable_variables if "kernel" in v.name]
    train_acc = tf.keras.metrics.SparseCategoricalAccuracy()

    @tf.function
    def train_step(images, labels):
        with tf.GradientTape() as tape:
            logits = model(images, training=True)
            loss = loss_fn(labels, logits)
        grads = tape.gradient(loss, model.trainable_variables)
        optimizer.apply_gradients(zip(grads, model.trainable_variables), decay_var_list=decay_vars)
        train_acc.update_state(labels, logits)
        return loss

    for epoch in range(args.epochs):
        for images, labels in ds_train:
            loss = train_step(tf.cast(images, tf.float32) / 255.0, labels)
        print("epoch", epoch, "loss", float(loss), "acc", float(train_acc.result()))
        train_acc.reset_states()


if __name__ == "__main__":
    parser = ArgumentParser()
    parser.add_argument("--num-layers", default=4, type=int)
    parser.add_argument("--lr", default=3e-4, type=float)
    parser.add_argument("--weight-decay", default=1e-4, type=float)
    parser.add_argument("--batch-size", default=64, type=int)
    parser.add_argument("--epochs", default=50, type=int)
    main(parser.parse_args())
