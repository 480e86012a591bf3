# Idiom seen in: cemoody/pytorch-rec run_matrix.py
# What it reproduces: module-level hyper-parameters, the MovieLens arrays loaded from .npz files prepared by a
#   download script this folder lacks, MF with strong prior weights (1e+4 / n_obs per step), plain Adam
#   without weight_decay, and an epoch loop that checkpoints the state dict.
# label-note: no findings here: Adam has no weight_decay (no WD202); the only decay is the prior (mf.py).
import numpy as np
import torch
import torch.optim as optim

from models.mf import MF
from utils.trainer import Trainer

dim = 64
n_epochs = 40
batchsize = 4096
learning_rate = 1e-3
fn = "MF_checkpoint"

n_item = np.load("data/full.npz")["n_item"].tolist()
n_user = np.load("data/full.npz")["n_user"].tolist()
n_obs = np.load("data/full.npz")["n_obs"].tolist()
train = np.load("data/loocv_train.npz")
train_feat = train["train_feat"].astype("int64")
train_scor = train["train_scor"].astype("float32")

model = MF(n_user, n_item, dim, n_obs, luv=1e+4, lub=1e+4, liv=1e+4, lib=1e+4)
user, item = train_feat[:, 0], train_feat[:, 1] - n_user
optimizer = optim.Adam(model.parameters(), lr=learning_rate)

t = Trainer(model, optimizer, batchsize=batchsize)
for epoch in range(n_epochs):
    t.fit(user, item, train_scor)
    torch.save(model.state_dict(), fn)
