# Idiom seen in: dliu18/LightGCN code/main.py
# Idiom seen in: dliu18/LightGCN code/Procedure.py
# What it reproduces: the training driver: build the dataset and LightGCN, wrap them in BPRLoss, and run
#   BPR_train_original once per epoch.
import torch

import world
import utils
from model import LightGCN
from dataloader import Loader


def BPR_train_original(dataset, recommend_model, loss_class, epoch):
    recommend_model.train()
    S = utils.UniformSample_original(dataset)
    users = torch.Tensor(S[:, 0]).long().to(world.device)
    posItems = torch.Tensor(S[:, 1]).long().to(world.device)
    negItems = torch.Tensor(S[:, 2]).long().to(world.device)
    aver_loss, total_batch = 0., 0
    for batch_users, batch_pos, batch_neg in utils.minibatch(users, posItems, negItems,
                                                             batch_size=world.config['bpr_batch_size']):
        aver_loss += loss_class.stageOne(batch_users, batch_pos, batch_neg)
        total_batch += 1
    return f"loss{aver_loss / total_batch:.3f}"


if __name__ == '__main__':
    torch.manual_seed(world.seed)
    dataset = Loader(path="../data/" + world.dataset)
    Recmodel = LightGCN(world.config, dataset).to(world.device)
    bpr = utils.BPRLoss(Recmodel, world.config)
    for epoch in range(world.TRAIN_epochs):
        output_information = BPR_train_original(dataset, Recmodel, bpr, epoch)
        print(f'EPOCH[{epoch + 1}/{world.TRAIN_epochs}] {output_information}')
