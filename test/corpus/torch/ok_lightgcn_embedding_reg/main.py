# Idiom seen in: gusye1234/LightGCN-PyTorch code/main.py, code/Procedure.py (BPR_train_original)
# What it reproduces: the driver: dataset from a dataloader module this folder lacks, the model from
# model.py with world.config, the BPRLoss from utils.py, and per-epoch uniform sampling + minibatches.
# label-note: clean (see utils.py).
import torch

import world
import utils
from dataloader import Loader, UniformSample_original
from model import LightGCN


def BPR_train_original(dataset, recommend_model, loss_class, epoch):
    recommend_model.train()
    S = UniformSample_original(dataset)
    users = torch.Tensor(S[:, 0]).long().to(world.device)
    posItems = torch.Tensor(S[:, 1]).long().to(world.device)
    negItems = torch.Tensor(S[:, 2]).long().to(world.device)
    aver_loss = 0.
    for batch_users, batch_pos, batch_neg in utils.minibatch(
            users, posItems, negItems, batch_size=world.config['bpr_batch_size']):
        aver_loss += loss_class.stageOne(batch_users, batch_pos, batch_neg)
    return f"loss{aver_loss:.3f}"


if __name__ == '__main__':
    torch.manual_seed(world.seed)
    dataset = Loader(path="../data/" + world.dataset)
    Recmodel = LightGCN(world.config, dataset).to(world.device)
    bpr = utils.BPRLoss(Recmodel, world.config)
    for epoch in range(world.TRAIN_epochs):
        output_information = BPR_train_original(dataset, Recmodel, bpr, epoch)
        print(f'EPOCH[{epoch + 1}/{world.TRAIN_epochs}] {output_information}')
