# Idiom seen in: abhinand5/isolated-sign-language-recognition src/islr/train.py
# Idiom seen in: abhinand5/isolated-sign-language-recognition src/islr/models/custom_transformer.py
# What it reproduces: the transformer (LayerNorm, Dense biases, embeddings) is compiled with TensorFlow Addons
# AdamW(weight_decay=...) and trained by fit; no decay_var_list, so every bias and norm parameter decays too.
import argparse

import numpy as np
import tensorflow as tf
import tensorflow_addons as tfa

from custom_transformer import get_model
from src.islr.data_processing.load import load_data


def parse_args():
    parser = argparse.ArgumentParser()
    parser.add_argument('--lr_max', type=float, default=1e-3)
    parser.add_argument('--wd_ratio', type=float, default=0.05)
    return parser.parse_args()


def train(config, X_train, y_train, X_val, y_val):
    tf.keras.backend.clear_session()
    model = get_model(config['model'])
    lr = config['train']['LR_MAX']
    optimizer = tfa.optimizers.AdamW(learning_rate=lr, weight_decay=config['train']['WD_RATIO'])  # expect: WD203
    loss = tf.keras.losses.SparseCategoricalCrossentropy(from_logits=False)
    metrics = [tf.keras.metrics.SparseCategoricalAccuracy(name='acc'),
               tf.keras.metrics.SparseTopKCategoricalAccuracy(k=5, name='top_5_acc')]
    model.compile(loss=loss, optimizer=optimizer, metrics=metrics)
    history = model.fit(x=X_train, y=y_train, validation_data=(X_val, y_val),
                        epochs=config['train']['N_EPOCHS'], batch_size=config['train']['BATCH_SIZE'],
                        callbacks=[tf.keras.callbacks.TerminateOnNaN()], verbose=2)
    return model, history


if __name__ == '__main__':
    args = parse_args()
    config = {
        'model': {'INPUT_SIZE': 64, 'N_COLS': 164, 'UNITS': 384, 'NUM_BLOCKS': 2, 'MLP_RATIO': 2,
                  'NUM_HEADS': 4, 'NUM_CLASSES': 250},
        'train': {'LR_MAX': args.lr_max, 'WD_RATIO': args.wd_ratio, 'N_EPOCHS': 100, 'BATCH_SIZE': 64},
    }
    X_train, y_train, X_val, y_val = load_data(config)
    model, history = train(config, X_train, y_train, X_val, y_val)
    model.save_weights('model.h5')
