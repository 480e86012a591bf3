# Idiom seen in: HarlockOfficial/Deep-Learning-and-Computer-Vision training/utility.py
# What it reproduces: the repository's generic train_network(model, name, x_train, y_train) that restores weights if
# present, compiles with Adam and fits through a spektral SingleLoader, then saves the weights. Clean: fit adds the
# GCN's regularization losses.
import os

import numpy as np
import tensorflow as tf
from spektral.data.loaders import SingleLoader


def train_network(model: tf.keras.models.Model, model_name: str, x_train, y_train=None, epochs=200):
    model.compile(optimizer=tf.keras.optimizers.Adam(learning_rate=0.01),
                  loss='categorical_crossentropy', weighted_metrics=['acc'])
    weights_path = f'data/models/{model_name}/weight.npy'
    if y_train is None:
        loader = SingleLoader(x_train)
        if os.path.exists(weights_path):
            model.fit(loader.load(), steps_per_epoch=1, epochs=1, verbose=0)
            model.set_weights(np.load(weights_path, allow_pickle=True))
        model.fit(loader.load(), steps_per_epoch=loader.steps_per_epoch, epochs=epochs, verbose=1)
    else:
        model.fit(x=x_train, y=y_train, epochs=epochs, batch_size=len(x_train), verbose=1)

    os.makedirs(f'data/models/{model_name}', exist_ok=True)
    np.save(weights_path, np.array(model.get_weights(), dtype=object), allow_pickle=True)
    return model
