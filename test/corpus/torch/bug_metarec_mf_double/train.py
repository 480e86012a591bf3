# Idiom seen in: khanhnamle1994/MetaRec Matrix-Factorization-Experiments/MF-CF-PyTorch/train.py
# What it reproduces: a realistic mistake in that repo's idiom (the real script uses plain Adam): the user
#   also gives Adam weight_decay=1e-5 "for regularization" while model.loss keeps its c_vector L2 prior on
#   the same embedding tables: the tables are decayed twice (WD201 in MF.py), and Adam's decay is coupled.
import numpy as np
import torch
from tensorboardX import SummaryWriter
from datetime import datetime

from loader import Loader
from MF import MF

path = '../../ml-1m/'
full_data = np.load(path + 'dataset.npz')
train_x = full_data['train_x'].astype(np.int64)
train_y = full_data['train_y']
n_user = int(full_data['n_user'])
n_item = int(full_data['n_item'])

lr = 1e-2  # Learning Rate
k = 10  # Number of dimensions per user, item
c_vector = 1e-6  # regularization constant

log_dir = 'runs/simple_mf_01_' + str(datetime.now()).replace(' ', '_')
writer = SummaryWriter(log_dir=log_dir)

model = MF(n_user, n_item, writer=writer, k=k, c_vector=c_vector)
optimizer = torch.optim.Adam(model.parameters(), lr=lr, weight_decay=1e-5)  # expect: WD202

train_loader = Loader(train_x, train_y, batchsize=1024)

for epoch in range(50):
    for x, y in train_loader:
        optimizer.zero_grad()
        prediction = model(x)
        loss = model.loss(prediction, y)
        loss.backward()
        optimizer.step()
        model.itr += 1
    print("Epoch[{}] Loss: {:.4f}".format(epoch, loss.item()))
