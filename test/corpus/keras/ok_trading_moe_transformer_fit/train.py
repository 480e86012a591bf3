# Idiom seen in: TristanLee187/Trading_Model train.py
# What it reproduces: the training script: a noise-augmenting keras Sequence, compile(Adam(clipnorm=1.0),
#   custom loss) and fit; the market windows come from `common` (star import) which the folder does not hold.
import argparse

import numpy as np
from keras.api.callbacks import ReduceLROnPlateau
from keras.api.metrics import F1Score
from keras.api.models import load_model
from keras.api.optimizers import Adam
from keras.api.utils import Sequence, custom_object_scope
from sklearn.model_selection import train_test_split

from common import *  # noqa: F401,F403  (VERSION, prepare_training_data, tickers: not in this folder)
from model import CUSTOM_OBJECTS, custom_categorical_crossentropy, get_transformer_model

SEED = 42
np.random.seed(SEED)


class NoiseAugmentator(Sequence):
    def __init__(self, X, X_meta, y, batch_size, aug_factor, std_scaler, **kwargs):
        super().__init__(**kwargs)
        self.X, self.X_meta, self.y = X, X_meta, y
        self.batch_size = batch_size
        self.std_scaler = std_scaler
        self.noise_stds = X.reshape(-1, X.shape[2]).std(axis=0)
        self.indices = np.repeat(np.arange(len(X)), aug_factor)
        np.random.shuffle(self.indices)

    def __len__(self):
        return int(np.ceil(len(self.indices) / self.batch_size))

    def __getitem__(self, index):
        idx = self.indices[index * self.batch_size:(index + 1) * self.batch_size]
        X_batch = self.X[idx].copy()
        X_batch += np.random.normal(0, self.noise_stds * self.std_scaler, X_batch.shape)
        return (X_batch, self.X_meta[idx].copy()), self.y[idx].copy()

    def on_epoch_end(self):
        np.random.shuffle(self.indices)


if __name__ == '__main__':
    parser = argparse.ArgumentParser(description='Train a Model')
    parser.add_argument('-d', '--train_data', type=str)
    parser.add_argument('-r', '--resume', type=str)
    parser.add_argument('-b', '--batch_size', type=int, default=64)
    parser.add_argument('-s', '--learning_rate', type=float, default=0.001)
    parser.add_argument('-p', '--epochs', type=int, default=20)
    args = parser.parse_args()

    if args.train_data:
        npzfile = np.load(args.train_data)
        X, x_meta, y = npzfile['X'], npzfile['x_meta'], npzfile['y']
    else:
        X, x_meta, y = prepare_training_data('signal')  # noqa: F405
    X_train, X_val, x_meta_train, x_meta_val, y_train, y_val = train_test_split(
        X, x_meta, y, test_size=0.2, random_state=SEED)

    if args.resume is not None:
        with custom_object_scope(CUSTOM_OBJECTS):
            model = load_model(args.resume, compile=True)
    else:
        model = get_transformer_model(X[0].shape, x_meta[0].shape, 'signal')
        model.compile(optimizer=Adam(learning_rate=args.learning_rate, clipnorm=1.0),
                      loss=custom_categorical_crossentropy, metrics=[F1Score()])
    model.summary()

    lr_scheduler = ReduceLROnPlateau(monitor='loss', factor=0.5, patience=5, min_lr=1e-7)
    train_gen = NoiseAugmentator(X_train, x_meta_train, y_train, batch_size=args.batch_size,
                                 aug_factor=15, std_scaler=0.5)
    model.fit(train_gen, epochs=args.epochs, validation_data=([X_val, x_meta_val], y_val),
              callbacks=[lr_scheduler])
    model.save('./models/transformer_close-signal_model.keras')
