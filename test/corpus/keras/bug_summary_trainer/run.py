# Idiom seen in: repository not resolved by the code index (index file id 6187307: notebook-style driver that
# configures the `train` object's attributes and calls it on tfds-like dictionaries)
# What it reproduces: the entry point that wires DavidNet(weight_decay=5e-4) into the Trainer; nothing here
# touches the loss, so the bug of trainer.py stands.
from functools import partial

import tensorflow as tf

from nets import DavidNet
from trainer import Trainer
from cifar_records import load_cifar10  # dataset helper, not in this folder

CONFIG = {
    "name": "davidnet_l2",
    "batch_size": 512,
    "epochs": 24,
    "lr": 0.4,
    "weight_decay": 5e-4,
}


def main(cfg):
    train_ds, test_ds = load_cifar10(normalize=True)
    tf.keras.backend.set_floatx("float32")
    trainer = Trainer(partial(DavidNet, weight_decay=cfg["weight_decay"]), cfg["name"],
                      batch_size=cfg["batch_size"], epochs=cfg["epochs"], lr=cfg["lr"])
    trainer.call(train_ds, test_ds)
    trainer._chosen_model_.save_weights(f"checkpoints/{cfg['name']}.h5")


if __name__ == "__main__":
    main(CONFIG)
