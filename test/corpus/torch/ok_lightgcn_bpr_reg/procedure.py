# Idiom seen in: taowangcheng/RecEraserPro code/others/procedure.py
# What it reproduces: one BPR epoch over sampled (user, pos, neg) triples, calling BPRLoss.step per minibatch and
# logging the loss to tensorboard; configuration comes from a Config object with decay=1e-4, lr=1e-3.
import torch

import utils
from configuration import Config
from dataloaders import BasicDataLoader
from loss import BPRLoss
from models import LightGCN


def bpr_train_one_epoch(epoch, dataloader, model, bpr_loss, config):
    model.train()
    S = dataloader.sample1()
    users = torch.Tensor(S[:, 0]).long().to(config.device)
    pos_items = torch.Tensor(S[:, 1]).long().to(config.device)
    neg_items = torch.Tensor(S[:, 2]).long().to(config.device)
    users, pos_items, neg_items = utils.shuffle(users, pos_items, neg_items)
    total_batch = len(users) // config.train_batch_size + 1
    average_loss = 0.
    for batch_i, (batch_users, batch_pos, batch_neg) in enumerate(
            utils.minibatch(config.train_batch_size, users, pos_items, neg_items)):
        batch_loss = bpr_loss.step(batch_users, batch_pos, batch_neg)
        average_loss += batch_loss
        if config.tensorboard_writer:
            config.tensorboard_writer.add_scalar('BPRLoss/BPR', batch_loss, epoch * total_batch + batch_i + 1)
    return f"loss{average_loss / total_batch:.3f}"


def train_test(dataloader: BasicDataLoader, model, config: Config, epochs: int):
    bpr_loss = BPRLoss(model, config)
    for epoch in range(epochs):
        info = bpr_train_one_epoch(epoch, dataloader, model, bpr_loss, config)
        print(f'EPOCH[{epoch + 1}/{epochs}] {info}')
        torch.save(model.state_dict(), config.weight_filename)


if __name__ == '__main__':
    config = Config(dataset='gowalla', decay=1e-4, lr=1e-3, latent_dim_rec=64, lightGCN_n_layers=3,
                    train_batch_size=2048, epochs=1000)
    dataloader = BasicDataLoader(config)
    model = LightGCN(config, dataloader).to(config.device)
    train_test(dataloader, model, config, config.epochs)
