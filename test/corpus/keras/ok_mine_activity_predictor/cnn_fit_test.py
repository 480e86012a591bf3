# Idiom seen in: haesemeyer/mine_pub model.py
# Idiom seen in: haesemeyer/mine_pub cnn_fit_test.py
# What it reproduces: MINE calcium-activity predictor (zebrafish imaging): a keras.Model whose layers are made in setup(),
#   with l1 kernel regularizers, and a hand-written @tf.function train_step (called by train_model, not fit) that adds
#   sum(self.losses) to the MSE inside the tape (clean).
import argparse

import h5py
import numpy as np
import tensorflow as tf

import model
import utilities

parser = argparse.ArgumentParser(description="Fit CNN activity predictors to imaging data")
parser.add_argument("-f", "--file", help="hdf5 file with regressors and calcium traces", required=True)
parser.add_argument("-e", "--epochs", type=int, default=100)
parser.add_argument("--history", type=float, default=10.0, help="seconds of predictor history")
args = parser.parse_args()

frame_rate = 5
hist_steps = int(args.history * frame_rate)

with h5py.File(args.file, 'r') as dfile:
    regressors = dfile["regressors"][()]
    traces = dfile["traces"][()]

for cell_ix in range(traces.shape[0]):
    data = utilities.Data(hist_steps, [regressors], traces[cell_ix], train_frac=2 / 3)
    tset = data.training_data(cell_ix, batch_size=256)
    m = model.get_standard_model(hist_steps)
    m(np.random.randn(1, hist_steps, regressors.shape[1]).astype(np.float32))
    model.train_model(m, tset, args.epochs)
    print("cell", cell_ix, "train rmse", float(m.rmse.result()))
    m.rmse.reset_states()
