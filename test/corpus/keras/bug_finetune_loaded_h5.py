# Idiom seen in: repository not resolved by the code index (index file id 15631837974: a third-round training
# script that does tf.keras.models.load_model("second_training_model.h5"), then add_regularization() setting
# layer.kernel_regularizer on every Dense, then compile and fit on pickled image chunks)
# What it reproduces: regularizers assigned to the layers of a model that was already built (loaded from .h5);
# the attribute changes nothing in the graph, model.losses stays empty, and the "L2" fine-tuning trains without
# any penalty (bug).
import pickle
import random

import numpy as np
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers
from tensorflow.keras.preprocessing.image import ImageDataGenerator
from sklearn.model_selection import train_test_split

DATA_FILES = ["training_data_part_1.pkl", "training_data_part_2.pkl"]
IMG_SIZE = 224
L2_FACTOR = 1e-3

model = tf.keras.models.load_model("second_training_model.h5")


def add_regularization(net, l2_factor=0.001):
    for layer in net.layers:
        if isinstance(layer, layers.Dense):
            layer.kernel_regularizer = keras.regularizers.l2(l2_factor)  # expect: WD106
    return net


model = add_regularization(model, L2_FACTOR)
model.compile(loss="sparse_categorical_crossentropy",
              optimizer=keras.optimizers.Adam(learning_rate=1e-4),
              metrics=["accuracy"])

augmenter = ImageDataGenerator(rotation_range=20, width_shift_range=0.1, height_shift_range=0.1,
                               shear_range=0.1, zoom_range=0.1, horizontal_flip=True, fill_mode="nearest")


def load_chunk(path):
    with open(path, "rb") as f:
        samples = pickle.load(f)
    random.shuffle(samples)
    x = np.array([s[0] for s in samples]).reshape(-1, IMG_SIZE, IMG_SIZE, 3) / 255.0
    y = np.array([s[1] for s in samples])
    return x, y


for data_file in DATA_FILES:
    X, Y = load_chunk(data_file)
    print(f"Training on {data_file}: {X.shape}")
    X_train, X_val, y_train, y_val = train_test_split(X, Y, test_size=0.2)
    stop = [keras.callbacks.EarlyStopping(monitor="val_loss", patience=3)]
    model.fit(augmenter.flow(X_train, y_train), epochs=25, validation_data=(X_val, y_val),
              callbacks=stop, shuffle=True)

model.save("third_training_model.h5")
