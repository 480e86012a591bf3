# Idiom seen in: edwardyehuang/iSeg (absl entry point, strategy scope, optimizer + exclusions, compile/fit)
# What it reproduces: Keras 3 on the TF backend under tf.distribute.MirroredStrategy, hyper-parameters from a
#   yaml file merged over defaults, the model from the nets/ registry, keras.optimizers.SGD with momentum and
#   weight_decay, exclusions applied before the optimizer is built, compile + fit.
# label-note: clean. Keras SGD weight_decay is not adaptive-coupled (no WD202); biases and norm parameters are
#   excluded by identity (no WD203); no regularizer or explicit penalty (no WD201); lr*wd = 0.02*1e-4.
import keras
import tensorflow as tf
import yaml
from absl import app, flags

from data.pipeline import build_datasets  # not part of this workspace
from nets.factory import build_model
from weight_decay_utils import apply_weight_decay_exclusions

FLAGS = flags.FLAGS
flags.DEFINE_string("config", None, "yaml file overriding DEFAULTS")

DEFAULTS = {"model": "unet", "num_classes": 21, "lr": 0.02, "momentum": 0.9, "weight_decay": 1e-4,
            "epochs": 60, "global_batch_size": 16}


def load_config(path):
    cfg = dict(DEFAULTS)
    if path:
        with tf.io.gfile.GFile(path) as f:
            cfg.update(yaml.safe_load(f) or {})
    return cfg


def main(argv):
    del argv
    cfg = load_config(FLAGS.config)
    strategy = tf.distribute.MirroredStrategy()
    train_ds, val_ds, steps = build_datasets(cfg["global_batch_size"])
    with strategy.scope():
        model = build_model(cfg["model"], cfg["num_classes"])
        lr = keras.optimizers.schedules.CosineDecay(cfg["lr"], decay_steps=cfg["epochs"] * steps)
        optimizer = keras.optimizers.SGD(learning_rate=lr, momentum=cfg["momentum"], nesterov=True,
                                         weight_decay=cfg["weight_decay"])
        n_excluded = apply_weight_decay_exclusions(model, optimizer)
        model.compile(optimizer=optimizer,
                      loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True, ignore_class=255),
                      metrics=["accuracy"])
    print(f"{n_excluded} variables excluded from weight decay")
    model.fit(train_ds, validation_data=val_ds, epochs=cfg["epochs"])


if __name__ == "__main__":
    app.run(main)
