# Idiom seen in: lucapantea/LightGCN code/procedures/train_pairwise.py
# What it reproduces: one BPR epoch; the layer-0 rows are looked up from the model's tables and passed
#   to the criterion, whose result (with its L2 term) is what loss.backward() differentiates.
import torch

import utils


def train_pairwise(dataset, model, loss_class, optimizer, batch_size, device):
    model.train()
    samples = utils.uniform_sample_original(dataset)
    users = torch.Tensor(samples[:, 0]).long().to(device)
    pos_items = torch.Tensor(samples[:, 1]).long().to(device)
    neg_items = torch.Tensor(samples[:, 2]).long().to(device)
    users, pos_items, neg_items = utils.shuffle(users, pos_items, neg_items)

    avg_loss, n_batches = 0.0, 0
    for batch_users, batch_pos, batch_neg in utils.minibatch(users, pos_items, neg_items, batch_size=batch_size):
        optimizer.zero_grad()
        all_users, all_items = model()
        loss = loss_class(all_users[batch_users], all_items[batch_pos], all_items[batch_neg],
                          model.embedding_user(batch_users),
                          model.embedding_item(batch_pos),
                          model.embedding_item(batch_neg))
        loss.backward()
        optimizer.step()
        avg_loss += loss.item()
        n_batches += 1
    return avg_loss / max(n_batches, 1)
