# Idiom seen in: albim72/__DEEP_03 dopasowanie.py (the TF "overfit and underfit" exercise)
# What it reproduces: L2 models trained through compile/fit (Keras adds the kernel_regularizer penalties to the
# loss itself); afterwards tf.add_n(l2_model.losses) is computed only to look at the penalty's size. That sum is
# a report, not a lost decay term: the decay is active (clean).
import pathlib
import shutil

import tensorflow as tf
from tensorflow.keras import layers, regularizers

from higgs_data import train_ds, validate_ds, FEATURES, STEPS_PER_EPOCH  # notebook data cell, not in this folder

logdir = pathlib.Path("logs")
shutil.rmtree(logdir / "regularizers", ignore_errors=True)

lr_schedule = tf.keras.optimizers.schedules.InverseTimeDecay(
    0.001, decay_steps=STEPS_PER_EPOCH * 1000, decay_rate=1, staircase=False)


def get_optimizer():
    return tf.keras.optimizers.Adam(lr_schedule)


def get_callbacks(name):
    return [
        tf.keras.callbacks.EarlyStopping(monitor="val_binary_crossentropy", patience=200),
        tf.keras.callbacks.TensorBoard(logdir / name),
    ]


def compile_and_fit(model, name, optimizer=None, max_epochs=10000):
    if optimizer is None:
        optimizer = get_optimizer()
    model.compile(optimizer=optimizer,
                  loss=tf.keras.losses.BinaryCrossentropy(from_logits=True),
                  metrics=[tf.keras.losses.BinaryCrossentropy(from_logits=True, name="binary_crossentropy"),
                           "accuracy"])
    return model.fit(train_ds, steps_per_epoch=STEPS_PER_EPOCH, epochs=max_epochs,
                     validation_data=validate_ds, callbacks=get_callbacks(name), verbose=0)


histories = {}

l2_model = tf.keras.Sequential([
    layers.Dense(512, activation="elu", kernel_regularizer=regularizers.l2(0.001),
                 input_shape=(FEATURES,)),
    layers.Dense(512, activation="elu", kernel_regularizer=regularizers.l2(0.001)),
    layers.Dense(512, activation="elu", kernel_regularizer=regularizers.l2(0.001)),
    layers.Dense(512, activation="elu", kernel_regularizer=regularizers.l2(0.001)),
    layers.Dense(1),
])
histories["l2"] = compile_and_fit(l2_model, "regularizers/l2")

# how big is the penalty at the end of training?
result = l2_model(next(iter(train_ds))[0])
regularization_loss = tf.add_n(l2_model.losses)
print("L2 penalty after training:", float(regularization_loss))

combined_model = tf.keras.Sequential([
    layers.Dense(512, kernel_regularizer=regularizers.l2(0.0001), activation="elu",
                 input_shape=(FEATURES,)),
    layers.Dropout(0.5),
    layers.Dense(512, kernel_regularizer=regularizers.l2(0.0001), activation="elu"),
    layers.Dropout(0.5),
    layers.Dense(1),
])
histories["combined"] = compile_and_fit(combined_model, "regularizers/combined")

for name, hist in histories.items():
    print(name, min(hist.history["val_binary_crossentropy"]))
