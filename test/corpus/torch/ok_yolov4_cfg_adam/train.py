# Idiom seen in: Tianxiaomo/pytorch-YOLOv4 train.py
# Idiom seen in: Tianxiaomo/pytorch-YOLOv4 cfg.py
# What it reproduces: Cfg.TRAIN_OPTIMIZER = "adam" (no command-line option for it) picks a plain Adam; the SGD
# branch with weight_decay=config.decay is never taken, and loss_l2 is a box MSE that is only logged: clean.
import argparse
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch import optim
from torch.utils.data import DataLoader
from easydict import EasyDict as edict

from cfg import Cfg
from dataset import Yolo_dataset
from models import Yolov4


class Yolo_loss(nn.Module):
    def __init__(self, n_classes=80, batch=2):
        super(Yolo_loss, self).__init__()
        self.n_classes = n_classes
        self.batch = batch

    def forward(self, xin, target):
        loss, loss_xy, loss_wh, loss_obj, loss_cls, loss_l2 = 0, 0, 0, 0, 0, 0
        for output, tgt in zip(xin, target):
            loss_xy += F.binary_cross_entropy(output[..., :2], tgt[..., :2], reduction='sum')
            loss_wh += F.mse_loss(output[..., 2:4], tgt[..., 2:4], reduction='sum') / 2
            loss_obj += F.binary_cross_entropy(output[..., 4], tgt[..., 4], reduction='sum')
            loss_cls += F.binary_cross_entropy(output[..., 5:], tgt[..., 5:], reduction='sum')
            loss_l2 += F.mse_loss(output, tgt, reduction='sum')
        loss = loss_xy + loss_wh + loss_obj + loss_cls
        return loss, loss_xy, loss_wh, loss_obj, loss_cls, loss_l2


def train(model, device, config, epochs=5):
    train_loader = DataLoader(Yolo_dataset(config.train_label, config, train=True),
                              batch_size=config.batch // config.subdivisions, shuffle=True, num_workers=8)
    if config.TRAIN_OPTIMIZER.lower() == 'adam':
        optimizer = optim.Adam(
            model.parameters(),
            lr=config.learning_rate / config.batch,
            betas=(0.9, 0.999),
            eps=1e-08,
        )
    elif config.TRAIN_OPTIMIZER.lower() == 'sgd':
        optimizer = optim.SGD(
            params=model.parameters(),
            lr=config.learning_rate / config.batch,
            momentum=config.momentum,
            weight_decay=config.decay,
        )
    criterion = Yolo_loss(n_classes=config.classes, batch=config.batch // config.subdivisions)
    model.train()
    for epoch in range(epochs):
        for i, (images, bboxes) in enumerate(train_loader):
            bboxes_pred = model(images.to(device))
            loss, loss_xy, loss_wh, loss_obj, loss_cls, loss_l2 = criterion(bboxes_pred, bboxes.to(device))
            loss.backward()
            if i % config.subdivisions == 0:
                optimizer.step()
                model.zero_grad()
            print('Train step_{}: loss : {},loss xy : {},loss wh : {},loss obj : {}，loss cls : {},loss l2 : {}'.format(
                i, loss.item(), loss_xy.item(), loss_wh.item(), loss_obj.item(), loss_cls.item(), loss_l2.item()))


def get_args(**kwargs):
    cfg = kwargs
    parser = argparse.ArgumentParser(description='Train the Model on images and target masks',
                                     formatter_class=argparse.ArgumentDefaultsHelpFormatter)
    parser.add_argument('-g', '--gpu', metavar='G', type=str, default='-1', dest='gpu')
    parser.add_argument('-dir', '--data-dir', type=str, default=None, dest='dataset_dir')
    parser.add_argument('-train_label_path', dest='train_label', type=str, default='train.txt')
    args = vars(parser.parse_args())
    cfg.update(args)
    return edict(cfg)


if __name__ == "__main__":
    cfg = get_args(**Cfg)
    device = torch.device('cuda' if torch.cuda.is_available() else 'cpu')
    model = Yolov4(None, n_classes=cfg.classes)
    model.to(device=device)
    train(model=model, config=cfg, epochs=cfg.TRAIN_EPOCHS, device=device)
