# Idiom seen in: emla2805/vision-transformer model.py
# Idiom seen in: emla2805/vision-transformer train.py
# What it reproduces: the repo's subclassed VisionTransformer trained with compile/fit; the user adds l2 kernel_regularizers
#   to the Dense layers and also swaps Adam for tfa.optimizers.AdamW(weight_decay=...), which decays every variable
#   (no decay_var_list): the kernels are decayed twice, and biases/LayerNorm too (user mistake; the repo uses plain Adam).
from argparse import ArgumentParser

import tensorflow as tf
import tensorflow_addons as tfa
import tensorflow_datasets as tfds
from tensorflow.keras.callbacks import TensorBoard

from model import VisionTransformer

AUTOTUNE = tf.data.experimental.AUTOTUNE

if __name__ == "__main__":
    parser = ArgumentParser()
    parser.add_argument("--logdir", default="logs")
    parser.add_argument("--image-size", default=32, type=int)
    parser.add_argument("--patch-size", default=4, type=int)
    parser.add_argument("--num-layers", default=4, type=int)
    parser.add_argument("--d-model", default=64, type=int)
    parser.add_argument("--num-heads", default=4, type=int)
    parser.add_argument("--mlp-dim", default=128, type=int)
    parser.add_argument("--lr", default=3e-4, type=float)
    parser.add_argument("--weight-decay", default=1e-4, type=float)
    parser.add_argument("--l2", default=1e-4, type=float)
    parser.add_argument("--batch-size", default=64, type=int)
    parser.add_argument("--epochs", default=50, type=int)
    args = parser.parse_args()

    ds = tfds.load("cifar10", as_supervised=True)
    ds_train = ds["train"].cache().shuffle(1024).batch(args.batch_size).prefetch(AUTOTUNE)
    ds_test = ds["test"].batch(32)

    model = VisionTransformer(
        image_size=args.image_size,
        patch_size=args.patch_size,
        num_layers=args.num_layers,
        num_classes=10,
        d_model=args.d_model,
        num_heads=args.num_heads,
        mlp_dim=args.mlp_dim,
        channels=3,
        dropout=0.1,
        l2_reg=args.l2,
    )
    loss = tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True)
    optimizer = tfa.optimizers.AdamW(learning_rate=args.lr, weight_decay=args.weight_decay)  # expect: WD203
    model.compile(optimizer=optimizer, loss=loss, metrics=["accuracy"])

    model.fit(
        ds_train,
        validation_data=ds_test,
        epochs=args.epochs,
        callbacks=[TensorBoard(log_dir=args.logdir, profile_batch=0)],
    )
