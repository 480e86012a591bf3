# Idiom seen in: 3112944976/KnowledgeTreasure AI/RSLearnCode/LightGCN/mylightgcn/loss/BPRLoss.py
# Idiom seen in: 3112944976/KnowledgeTreasure AI/RSLearnCode/LightGCN/mylightgcn/main.py
# What it reproduces: LightGCN with the L2 term on the layer-0 embeddings built inside a BPRLoss object
# (reg_loss * weight_decay added to the BPR loss that is backpropagated) and Adam WITHOUT weight_decay:
# the decay is applied once, through the loss. Clean.
import numpy as np
import torch
from tqdm import tqdm

from utils import tools


def train_pairwise(samples, model, loss_class, optimizer, batch_size, device):
    model.train()
    samples = np.array(samples)
    users = torch.Tensor(samples[:, 0]).long().to(device)
    pos_items = torch.Tensor(samples[:, 1]).long().to(device)
    neg_items = torch.Tensor(samples[:, 2]).long().to(device)
    users, pos_items, neg_items = tools.shuffle(users, pos_items, neg_items)
    total_batch = len(users) // batch_size + 1
    avg_loss = 0.
    for batch_users, batch_pos, batch_neg in tqdm(tools.minibatch(users, pos_items, neg_items, batch_size=batch_size),
                                                  total=total_batch, leave=False):
        optimizer.zero_grad()
        all_users, all_items = model()
        loss = loss_class(
            all_users[batch_users], all_items[batch_pos], all_items[batch_neg],
            model.users_embedding(batch_users),
            model.items_embedding(batch_pos),
            model.items_embedding(batch_neg),
        )
        loss.backward()
        optimizer.step()
        avg_loss += loss.item()
    return avg_loss / total_batch
