# Idiom seen in: gzy02/LightGCN-PyTorch LightGCN/train.py
# What it reproduces: the optimizer gets the config's decay only when it is positive. With config.decay set to
#   0.0 in config.py the decayed branch can never run, so the decay machinery is dead (WD303 at the guard).
#   Variation on the repository, which always passes weight_decay=config.decay.
import os

import torch

from config import config
from LightGCN import LightGCN
from DataSet import DataSet, get_user_item_map
from SampleData import get_trainloaderPair
from rand import setup_seed
from test import Test_batch

print("pid =", os.getpid())
config.display()
setup_seed(config.seed)
device = "cuda" if torch.cuda.is_available() else "cpu"

origin_train_data = DataSet(config.data_path + 'train.txt', device)
test_user_item_map = get_user_item_map(config.data_path + 'test.txt')

model = LightGCN(origin_train_data, config.hidden_dim, config.n_layers, config.alpha_k, config.load_weight)
model = model.to(device)

if config.decay > 0:  # expect: WD303
    optimizer = torch.optim.Adam(model.parameters(), lr=config.lr, weight_decay=config.decay)
else:
    optimizer = torch.optim.Adam(model.parameters(), lr=config.lr)

for epoch in range(1, config.epochs + 1):
    losses = []
    trainloader = get_trainloaderPair(origin_train_data, config.seed + epoch)
    for user, item, neg in trainloader:
        loss = model.bpr_loss(user.to(device), item.to(device), neg.to(device))
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        losses.append(loss.detach().cpu().item())
    print('Epoch {} finished, average loss {}'.format(epoch, sum(losses) / len(losses)))
    precision, recall, nDCG, F1 = Test_batch(model, origin_train_data, test_user_item_map, device)
    print('Epoch {} : Recall@{} {}, nDCG@{} {}'.format(epoch, config.topk, recall, config.topk, nDCG))
