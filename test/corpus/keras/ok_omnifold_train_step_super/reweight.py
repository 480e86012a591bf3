# Idiom seen in: zctao/omnifoldTop python/omnifold.py
# What it reproduces: one OmniFold step: train the classifier that separates data from simulation with
#   event weights through model.fit, then turn its output into per-event weights (clean).
import numpy as np
from model import get_model, get_callbacks


def set_up_model(input_shape, filepath_save=None):
    model = get_model(input_shape, model_name='dense_3hl', nclass=2)
    return model, get_callbacks(filepath_save)


def train_model(model, X, Y, w, callbacks=[], batch_size=16384, epochs=100):
    model.fit(X, Y, sample_weight=w, batch_size=batch_size, epochs=epochs,
              validation_split=0.2, callbacks=callbacks, verbose=1)


def reweight(model, events):
    preds = model.predict(events, batch_size=int(0.1 * len(events)))[:, 1]
    r = np.nan_to_num(preds / (1. - preds))
    return r


if __name__ == '__main__':
    X = np.load('X_step1.npy')
    Y = np.load('Y_step1.npy')
    w = np.load('w_step1.npy')
    model, callbacks = set_up_model(X.shape[1:], 'model_step1')
    train_model(model, X, Y, w, callbacks)
    print(reweight(model, X[Y[:, 0] == 1]).mean())
