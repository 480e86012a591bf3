# Idiom seen in: zylo117/Yet-Another-EfficientDet-Pytorch train.py
# What it reproduces: the real training script: --optim defaults to 'adamw' and the optimizer is
#   torch.optim.AdamW(model.parameters(), opt.lr) with no weight_decay keyword, so AdamW's default 0.01
#   decays every parameter of EfficientDet, BatchNorm and biases of the BiFPN and heads included.
import argparse
import datetime
import os

import numpy as np
import torch
import yaml
from torch import nn
from torch.utils.data import DataLoader
from torchvision import transforms
from tensorboardX import SummaryWriter

from backbone import EfficientDetBackbone
from efficientdet.dataset import CocoDataset, Resizer, Normalizer, Augmenter, collater
from efficientdet.loss import FocalLoss
from utils.utils import init_weights, boolean_string


class Params:
    def __init__(self, project_file):
        self.params = yaml.safe_load(open(project_file).read())

    def __getattr__(self, item):
        return self.params.get(item, None)


def get_args():
    parser = argparse.ArgumentParser('Yet Another EfficientDet Pytorch')
    parser.add_argument('-p', '--project', type=str, default='coco')
    parser.add_argument('-c', '--compound_coef', type=int, default=0)
    parser.add_argument('-n', '--num_workers', type=int, default=12)
    parser.add_argument('--batch_size', type=int, default=12)
    parser.add_argument('--head_only', type=boolean_string, default=False)
    parser.add_argument('--lr', type=float, default=1e-4)
    parser.add_argument('--optim', type=str, default='adamw',
                        help='select optimizer for training, suggest using \'admaw\' until the very final stage then switch to \'sgd\'')
    parser.add_argument('--num_epochs', type=int, default=500)
    parser.add_argument('--data_path', type=str, default='datasets/')
    parser.add_argument('--log_path', type=str, default='logs/')
    return parser.parse_args()


class ModelWithLoss(nn.Module):
    def __init__(self, model):
        super().__init__()
        self.criterion = FocalLoss()
        self.model = model

    def forward(self, imgs, annotations, obj_list=None):
        _, regression, classification, anchors = self.model(imgs)
        cls_loss, reg_loss = self.criterion(classification, regression, anchors, annotations)
        return cls_loss, reg_loss


def train(opt):
    params = Params(f'projects/{opt.project}.yml')
    input_sizes = [512, 640, 768, 896, 1024, 1280, 1280, 1536, 1536]
    training_set = CocoDataset(root_dir=os.path.join(opt.data_path, params.project_name), set=params.train_set,
                               transform=transforms.Compose([Normalizer(mean=params.mean, std=params.std),
                                                             Augmenter(),
                                                             Resizer(input_sizes[opt.compound_coef])]))
    training_generator = DataLoader(training_set, batch_size=opt.batch_size, shuffle=True, drop_last=True,
                                    collate_fn=collater, num_workers=opt.num_workers)

    model = EfficientDetBackbone(num_classes=len(params.obj_list), compound_coef=opt.compound_coef,
                                 ratios=eval(params.anchors_ratios), scales=eval(params.anchors_scales))
    init_weights(model)

    if opt.head_only:
        def freeze_backbone(m):
            classname = m.__class__.__name__
            for ntl in ['EfficientNet', 'BiFPN']:
                if ntl in classname:
                    for param in m.parameters():
                        param.requires_grad = False

        model.apply(freeze_backbone)
        print('[Info] freezed backbone')

    writer = SummaryWriter(opt.log_path + f'/{datetime.datetime.now().strftime("%Y%m%d-%H%M%S")}/')
    model = ModelWithLoss(model)
    if torch.cuda.is_available():
        model = model.cuda()

    if opt.optim == 'adamw':
        optimizer = torch.optim.AdamW(model.parameters(), opt.lr)  # expect: WD203
    else:
        optimizer = torch.optim.SGD(model.parameters(), opt.lr, momentum=0.9, nesterov=True)

    scheduler = torch.optim.lr_scheduler.ReduceLROnPlateau(optimizer, patience=3, verbose=True)

    step = 0
    model.train()
    for epoch in range(opt.num_epochs):
        epoch_loss = []
        for data in training_generator:
            imgs, annot = data['img'], data['annot']
            if torch.cuda.is_available():
                imgs, annot = imgs.cuda(), annot.cuda()
            optimizer.zero_grad()
            cls_loss, reg_loss = model(imgs, annot, obj_list=params.obj_list)
            cls_loss, reg_loss = cls_loss.mean(), reg_loss.mean()
            loss = cls_loss + reg_loss
            if loss == 0 or not torch.isfinite(loss):
                continue
            loss.backward()
            optimizer.step()
            epoch_loss.append(float(loss))
            writer.add_scalars('Loss', {'train': loss}, step)
            step += 1
        scheduler.step(np.mean(epoch_loss))


if __name__ == '__main__':
    opt = get_args()
    train(opt)
