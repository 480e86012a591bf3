# Idiom seen in: jwyang/faster-rcnn.pytorch trainval_net.py
# Idiom seen in: jwyang/faster-rcnn.pytorch lib/model/utils/config.py
# What it reproduces: Faster R-CNN training that builds one group per trainable tensor: biases get double lr and
#   weight_decay = BIAS_DECAY and WEIGHT_DECAY or 0 (BIAS_DECAY is False, so 0), weights get WEIGHT_DECAY; the
#   ResNet's BatchNorm layers are frozen (requires_grad False) before the groups are built, so no norm is decayed (clean).
import argparse
import os

import torch
import torch.nn as nn
from easydict import EasyDict as edict

from roi_data_layer.roidb import combined_roidb
from roi_data_layer.roibatchLoader import roibatchLoader
from model.faster_rcnn.resnet import resnet
from model.utils.net_utils import adjust_learning_rate, clip_gradient

__C = edict()
cfg = __C
__C.TRAIN = edict()
__C.TRAIN.LEARNING_RATE = 0.001
__C.TRAIN.MOMENTUM = 0.9
__C.TRAIN.WEIGHT_DECAY = 0.0001
__C.TRAIN.DOUBLE_BIAS = True
__C.TRAIN.BIAS_DECAY = False
__C.TRAIN.GAMMA = 0.1


def set_bn_fix(m):
    classname = m.__class__.__name__
    if classname.find('BatchNorm') != -1:
        for p in m.parameters():
            p.requires_grad = False


def parse_args():
    parser = argparse.ArgumentParser(description='Train a Faster R-CNN network')
    parser.add_argument('--dataset', default='pascal_voc', type=str)
    parser.add_argument('--epochs', default=20, type=int)
    parser.add_argument('--bs', dest='batch_size', default=1, type=int)
    parser.add_argument('--lr_decay_step', default=5, type=int)
    parser.add_argument('--class_agnostic', action='store_true')
    return parser.parse_args()


if __name__ == '__main__':
    args = parse_args()
    imdb, roidb, ratio_list, ratio_index = combined_roidb('voc_2007_trainval')
    dataset = roibatchLoader(roidb, ratio_list, ratio_index, args.batch_size, imdb.num_classes, training=True)
    dataloader = torch.utils.data.DataLoader(dataset, batch_size=args.batch_size, num_workers=0)

    fasterRCNN = resnet(imdb.classes, 101, pretrained=True, class_agnostic=args.class_agnostic)
    fasterRCNN.create_architecture()
    fasterRCNN.apply(set_bn_fix)

    lr = cfg.TRAIN.LEARNING_RATE
    params = []
    for key, value in dict(fasterRCNN.named_parameters()).items():
        if value.requires_grad:
            if 'bias' in key:
                params += [{'params': [value], 'lr': lr * (cfg.TRAIN.DOUBLE_BIAS + 1),
                            'weight_decay': cfg.TRAIN.BIAS_DECAY and cfg.TRAIN.WEIGHT_DECAY or 0}]
            else:
                params += [{'params': [value], 'lr': lr, 'weight_decay': cfg.TRAIN.WEIGHT_DECAY}]

    optimizer = torch.optim.SGD(params, momentum=cfg.TRAIN.MOMENTUM)

    for epoch in range(1, args.epochs + 1):
        fasterRCNN.train()
        fasterRCNN.apply(set_bn_fix)
        if epoch % (args.lr_decay_step + 1) == 0:
            adjust_learning_rate(optimizer, cfg.TRAIN.GAMMA)
            lr *= cfg.TRAIN.GAMMA
        for step, (im_data, im_info, gt_boxes, num_boxes) in enumerate(dataloader):
            rois, cls_prob, bbox_pred, rpn_loss_cls, rpn_loss_box, RCNN_loss_cls, RCNN_loss_bbox, rois_label = \
                fasterRCNN(im_data, im_info, gt_boxes, num_boxes)
            loss = rpn_loss_cls.mean() + rpn_loss_box.mean() + RCNN_loss_cls.mean() + RCNN_loss_bbox.mean()
            optimizer.zero_grad()
            loss.backward()
            clip_gradient(fasterRCNN, 10.)
            optimizer.step()
        torch.save({'epoch': epoch, 'model': fasterRCNN.state_dict()},
                   os.path.join('models', 'faster_rcnn_{}.pth'.format(epoch)))
