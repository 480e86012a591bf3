# Idiom seen in: vivekpatel99/chest-x-ray-diagnosis-Multi-label-binary-classification src/model/densenet121_model.py
# Idiom seen in: vivekpatel99/chest-x-ray-diagnosis-Multi-label-binary-classification src/model/model.py
# Idiom seen in: vivekpatel99/chest-x-ray-diagnosis-Multi-label-binary-classification model_trainer.py
# What it reproduces: NIH chest X-ray multi-label DenseNet121 head; the final Dense keeps kernel_regularizer=l2(0.001)
#   while compile uses keras AdamW(weight_decay=1e-5), which already decays every variable (double decay on that
#   kernel, and BN gammas/betas decayed too). The L1L2(0.001) layers are L1 only (l2 defaults to 0).
import logging
import os
from pathlib import Path

import mlflow
import numpy as np
from hydra import compose, initialize
from tensorflow.keras.optimizers.schedules import CosineDecay

from src.data_loader.chest_x_ray_preprocessor import ChestXRayPreprocessor
from src.utils.logs import get_logger
from src.weighted_loss.weighted_loss import get_weighted_loss
from densenet121_model import build_DenseNet121

os.environ['TF_CPP_MIN_LOG_LEVEL'] = '2'
import tensorflow as tf

with initialize(version_base=None, config_path="conf"):
    cfg = compose(config_name="config")

IMAGE_SIZE = cfg.TRAIN.IMG_SIZE
BATCH_SIZE = cfg.TRAIN.BATCH_SIZE
NUM_EPOCHS = cfg.TRAIN.NUM_EPOCHS
LEARNING_RATE = cfg.TRAIN.LEARNING_RATE
CHECK_POINT_DIR = Path(cfg.OUTPUTS.CHECKPOINT_PATH)
EXPERIMENT_NAME = 'build_DenseNet121-weighted_loss'
CLASSES_NAME = ['Atelectasis', 'Effusion', 'Infiltration', 'Mass', 'No Finding']


def get_callbacks(to_monitor, mode):
    checkpoint_prefix = str(CHECK_POINT_DIR / f"best_{EXPERIMENT_NAME}.keras")
    return [
        tf.keras.callbacks.ModelCheckpoint(filepath=checkpoint_prefix, save_best_only=True,
                                           monitor=to_monitor, mode=mode, verbose=1),
        tf.keras.callbacks.ReduceLROnPlateau(monitor=to_monitor, mode=mode, factor=0.1, patience=5, min_lr=1e-8),
        tf.keras.callbacks.EarlyStopping(monitor=to_monitor, mode=mode, patience=10, restore_best_weights=True),
    ]


def main() -> None:
    log = get_logger(__name__, log_level=logging.INFO)
    mlflow.set_experiment(EXPERIMENT_NAME)
    preprocessor = ChestXRayPreprocessor(cfg, labels=CLASSES_NAME)
    train_ds, valid_ds, pos_weights, neg_weights, steps_per_epoch = \
        preprocessor.get_training_and_validation_datasets()

    with mlflow.start_run():
        model = build_DenseNet121(input_shape=(IMAGE_SIZE, IMAGE_SIZE, 3), num_classes=len(CLASSES_NAME))
        lr_schedule = CosineDecay(LEARNING_RATE, decay_steps=steps_per_epoch * NUM_EPOCHS, alpha=0.001)
        model.compile(optimizer=tf.keras.optimizers.AdamW(
                          learning_rate=lr_schedule,
                          weight_decay=1e-5,  # expect: WD203
                          global_clipnorm=1.0),
                      loss=get_weighted_loss(pos_weights, neg_weights),
                      metrics=['binary_accuracy', tf.keras.metrics.AUC(name='AUC')])
        model.fit(train_ds, steps_per_epoch=steps_per_epoch, validation_data=valid_ds,
                  epochs=NUM_EPOCHS, callbacks=get_callbacks('val_AUC', 'max'))
        results = model.evaluate(valid_ds, return_dict=True)
        mlflow.log_dict(results, 'test_metrics.json')
        log.info("Model evaluated: %s", results)


if __name__ == '__main__':
    main()
