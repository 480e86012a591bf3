# Idiom seen in: cemoody/pytorch-rec run_matrix.py (model_type switch, MFPoly2 branch with prior weights 3e+3)
# What it reproduces: module-level hyper-parameters, arrays from .npz files made by a download script this
#   folder lacks, MFPoly2 with the frame number as extra feature, plain Adam (no weight_decay), epoch loop.
# label-note: clean program: the only decay is the embedding prior, and it is summed into the backpropagated
#   scalar; Adam has no weight_decay, so no WD202/WD203.
import numpy as np
import torch
import torch.optim as optim

from models.mfpoly2 import MFPoly2
from utils.trainer import Trainer

dim = 64
n_epochs = 400
batchsize = 4096
learning_rate = 1e-3
fn = "MFPoly2_checkpoint"

n_item = np.load("data/full.npz")["n_item"].tolist()
n_user = np.load("data/full.npz")["n_user"].tolist()
n_obs = np.load("data/full.npz")["n_obs"].tolist()
train = np.load("data/loocv_train.npz")
train_feat = train["train_feat"].astype("int64")
train_scor = train["train_scor"].astype("float32")

model = MFPoly2(n_user, n_item, dim, n_obs, luv=3e+3, liv=3e+3)
user, item = train_feat[:, 0], train_feat[:, 1] - n_user
frame = train_feat[:, -1].astype("float32")
optimizer = optim.Adam(model.parameters(), lr=learning_rate)

t = Trainer(model, optimizer, batchsize=batchsize, clip=5.0)
for epoch in range(n_epochs):
    t.fit(user, item, frame, train_scor)
    torch.save(model.state_dict(), fn)
