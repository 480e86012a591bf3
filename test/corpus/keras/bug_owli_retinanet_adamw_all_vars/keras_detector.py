# Idiom seen in: KreutzM/owli-detector-train-keras src/owli_train/training/keras_detector.py
# What it reproduces: a KerasCV RetinaNet (ResNet backbone with BatchNormalization) compiled with
#   tf.keras.optimizers.AdamW(weight_decay=cfg.train.weight_decay) and no exclude_from_weight_decay, so
#   the decoupled decay also shrinks every bias and BatchNorm gamma/beta (real repository, when a config
#   sets weight_decay).
from __future__ import annotations

import argparse
from pathlib import Path

import tensorflow as tf
import keras_cv

from config import TrainDetectConfig, load_train_detect_config
from owli_train.data.coco import build_tf_datasets  # COCO -> tf.data, not in this folder


def _build_model(cfg: TrainDetectConfig, num_classes: int):
    backbone = keras_cv.models.ResNetBackbone(
        stackwise_filters=[32, 64, 128, 256],
        stackwise_blocks=[2, 2, 2, 2],
        stackwise_strides=[1, 2, 2, 2],
        include_rescaling=False,
        input_shape=(None, None, 3),
    )
    model = keras_cv.models.RetinaNet(
        backbone=backbone,
        num_classes=num_classes,
        bounding_box_format=cfg.model.bounding_box_format,
    )
    if cfg.train.weight_decay is not None:
        optimizer = tf.keras.optimizers.AdamW(
            learning_rate=cfg.train.lr,
            weight_decay=cfg.train.weight_decay,  # expect: WD203
        )
    else:
        optimizer = tf.keras.optimizers.Adam(learning_rate=cfg.train.lr)
    model.compile(classification_loss="focal", box_loss="smoothl1", optimizer=optimizer)
    return model


def train_detector(config_path: str | None, resume: str | None = None) -> Path:
    cfg = load_train_detect_config(config_path)
    tf.random.set_seed(cfg.train.seed)
    train_ds, val_ds, num_classes = build_tf_datasets(cfg)
    model = _build_model(cfg, num_classes)
    if resume is not None:
        model.load_weights(resume)
    callbacks = [tf.keras.callbacks.CSVLogger(str(cfg.work_dir / "train.csv"), append=False),
                 tf.keras.callbacks.TensorBoard(log_dir=str(cfg.work_dir / "tensorboard"))]
    model.fit(train_ds, validation_data=val_ds, epochs=cfg.train.epochs, callbacks=callbacks, verbose=1)
    out = cfg.work_dir / "detector.keras"
    model.save(str(out))
    return out


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default=None)
    parser.add_argument("--resume", default=None)
    args = parser.parse_args()
    print(train_detector(args.config, args.resume))
