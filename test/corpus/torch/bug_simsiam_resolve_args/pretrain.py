# Idiom seen in: sally20921/SimSiam code/optimizer/adam.py
# Idiom seen in: sally20921/SimSiam code/optimizer/__init__.py
# What it reproduces: optimizer classes with a resolve_args(args, params) classmethod that fill an options dict;
#   Adam gets options["weight_decay"] from the config dict (1e-4 here): coupled L2 in Adam, and
#   get_sub_optimizer hands it model.parameters() of a BatchNorm ResNet, so biases/BN are decayed too.
import torch
import torch.nn as nn
import torch.nn.functional as F
import torchvision

from config import config
from dataloader import get_dataset
from optim_factory import get_sub_optimizer


class SimSiam(nn.Module):
    def __init__(self, proj_dim, pred_dim):
        super().__init__()
        backbone = torchvision.models.resnet18(num_classes=proj_dim)
        backbone.fc = nn.Sequential(nn.Linear(512, proj_dim, bias=False), nn.BatchNorm1d(proj_dim))
        self.encoder = backbone
        self.predictor = nn.Sequential(nn.Linear(proj_dim, pred_dim, bias=False), nn.BatchNorm1d(pred_dim),
                                       nn.ReLU(inplace=True), nn.Linear(pred_dim, proj_dim))

    def forward(self, x1, x2):
        z1, z2 = self.encoder(x1), self.encoder(x2)
        p1, p2 = self.predictor(z1), self.predictor(z2)
        return p1, p2, z1.detach(), z2.detach()


def pretrain(args):
    model = SimSiam(args['proj_dim'], args['pred_dim']).cuda()
    optimizer = get_sub_optimizer(args, model)
    train_loader = get_dataset(args)
    for epoch in range(args['epochs']):
        for (x1, x2), _ in train_loader:
            p1, p2, z1, z2 = model(x1.cuda(), x2.cuda())
            loss = -(F.cosine_similarity(p1, z2).mean() + F.cosine_similarity(p2, z1).mean()) * 0.5
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
        print('epoch', epoch, loss.item())


if __name__ == '__main__':
    pretrain(config)
