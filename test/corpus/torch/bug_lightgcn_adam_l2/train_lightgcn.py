# Idiom seen in: HengLuRepos/GNN train_lightGCN.py
# What it reproduces: Adam(agent.parameters(), weight_decay=cfg.weight_decay): coupled L2 on the embedding tables
# (Adam divides it by the adaptive scale); the model has no biases or norms, so only the Adam coupling is at issue.
import numpy as np
import torch

from config import Config
from data import Dataset
from lightgcn import LightGCN

cfg = Config()
yelp2018 = Dataset("./data/yelp2018/")
agent = LightGCN(yelp2018, cfg)
optimizer = torch.optim.Adam(agent.parameters(), lr=cfg.lr, weight_decay=cfg.weight_decay)  # expect: WD202
batch_size = cfg.user_sample * (cfg.neg_ratio + 1) * cfg.pos_number
num_batch = yelp2018.userItemMatrix.count_nonzero() // batch_size + 1
for ep in range(cfg.epoch):
    for batch in range(num_batch):
        users_index = np.random.randint(low=0, high=yelp2018.num_user, size=cfg.user_sample)
        pos_items, neg_items = [], []
        for user_index in users_index:
            connected = yelp2018.userItemMatrix[user_index].nonzero()[1]
            pos_items.append(np.random.choice(connected, size=cfg.pos_number))
            negs = []
            while len(negs) < cfg.pos_number * cfg.neg_ratio:
                item = np.random.choice(yelp2018.num_item)
                if item not in connected:
                    negs.append(item)
            neg_items.append(negs)
        loss = agent.bpr_loss(users_index, pos_items, neg_items)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        print(f"Ep {ep} batch {batch}: Loss {loss.item():.4f}")
    torch.save(agent.state_dict(), "lgcn.pt")
