# Idiom seen in: lucapantea/LightGCN code/main.py
# Idiom seen in: lucapantea/LightGCN code/procedures/train_pairwise.py
# What it reproduces: criterion = BPRLoss(weight_decay=config["decay"]) and a plain
#   torch.optim.Adam(model.parameters(), lr=config["lr"]); the L2 lives only in the loss that
#   loss.backward() differentiates, so every table is decayed exactly once. Clean.
import torch
from tqdm import tqdm

import utils
import world
from bpr_loss import BPRLoss
from lightgcn import LightGCN


def train_pairwise(dataset, model, loss_class, optimizer):
    model.train()
    samples = utils.uniform_sample_original(dataset)
    users = torch.Tensor(samples[:, 0]).long().to(world.device)
    pos_items = torch.Tensor(samples[:, 1]).long().to(world.device)
    neg_items = torch.Tensor(samples[:, 2]).long().to(world.device)
    users, pos_items, neg_items = utils.shuffle(users, pos_items, neg_items)
    avg_loss, total_batch = 0.0, len(users) // world.config['batch_size'] + 1
    for batch_users, batch_pos, batch_neg in tqdm(utils.minibatch(users, pos_items, neg_items,
                                                                  batch_size=world.config['batch_size']),
                                                  total=total_batch, leave=False):
        optimizer.zero_grad()
        all_users, all_items = model()
        loss = loss_class(all_users[batch_users], all_items[batch_pos], all_items[batch_neg],
                          model.embedding_user(batch_users), model.embedding_item(batch_pos),
                          model.embedding_item(batch_neg))
        loss.backward()
        optimizer.step()
        avg_loss += loss.item()
    return avg_loss / total_batch


def main():
    utils.set_seed(world.seed)
    dataset = utils.get_dataset('../data', world.dataset)
    model = LightGCN(world.config, dataset).to(world.device)
    criterion = BPRLoss(weight_decay=world.config["decay"])
    optimizer = torch.optim.Adam(model.parameters(), lr=world.config["lr"])
    for epoch in range(world.TRAIN_epochs):
        loss = train_pairwise(dataset, model, criterion, optimizer)
        print(f'EPOCH[{epoch + 1}/{world.TRAIN_epochs}] loss {loss:.4f}')


if __name__ == '__main__':
    main()
