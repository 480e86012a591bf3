# Idiom seen in: moyuhao-arch/lung_nodule_project global_config.py
# Idiom seen in: moyuhao-arch/lung_nodule_project model.py
# What it reproduces: hyper-parameters kept as constants in a global_config module read with `from global_config import *`
#   and a layer helper that only builds an l2 regularizer `if L2_WEIGHT_DECAY:`; the constant is 0.0 in the config,
#   so every layer gets kernel_regularizer=None and the decay code never runs (WD303 on the guard).
import tensorflow as tf

from global_config import *
from data_processing import load_patches
from model import build_unet


def dice_coef(y_true, y_pred, smooth=1.0):
    y_true = tf.reshape(y_true, [-1])
    y_pred = tf.reshape(y_pred, [-1])
    inter = tf.reduce_sum(y_true * y_pred)
    return (2.0 * inter + smooth) / (tf.reduce_sum(y_true) + tf.reduce_sum(y_pred) + smooth)


def dice_loss(y_true, y_pred):
    return 1.0 - dice_coef(y_true, y_pred)


if __name__ == '__main__':
    train_ds = load_patches(TRAIN_DATA_PATH, BATCH_SIZE, shuffle=True)
    val_ds = load_patches(VALIDATE_DATA_PATH, BATCH_SIZE, shuffle=False)
    model = build_unet()
    if MODEL_WEIGHT:
        model.load_weights(MODEL_WEIGHT)
    model.compile(optimizer=tf.keras.optimizers.Adam(LEARNING_RATE), loss=dice_loss, metrics=[dice_coef])
    model.fit(train_ds, validation_data=val_ds, epochs=EPOCHS,
              callbacks=[tf.keras.callbacks.ModelCheckpoint('unet_best.h5', save_best_only=True)])
