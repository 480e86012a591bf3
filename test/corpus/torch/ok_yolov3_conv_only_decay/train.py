# Idiom seen in: DeNA/PyTorch_YOLOv3 train.py
# What it reproduces: the darknet recipe ported to PyTorch: one parameter group per tensor, weight decay
#   (scaled by batch_size * subdivision, as the lr is divided by the same factor) only on 'conv.weight',
#   0.0 for every BatchNorm weight/bias; subdivision gradient accumulation. Clean.
import argparse
import os

import torch
import torch.optim as optim
import yaml

from dataset.cocodataset import COCODataset
from models.yolov3 import YOLOv3


def parse_args():
    parser = argparse.ArgumentParser()
    parser.add_argument('--cfg', type=str, default='config/yolov3_default.cfg')
    parser.add_argument('--checkpoint_dir', type=str, default='checkpoints')
    parser.add_argument('--n_cpu', type=int, default=0)
    return parser.parse_args()


def main():
    args = parse_args()
    with open(args.cfg, 'r') as f:
        cfg = yaml.safe_load(f)
    os.makedirs(args.checkpoint_dir, exist_ok=True)

    base_lr = cfg['TRAIN']['LR']
    momentum = cfg['TRAIN']['MOMENTUM']
    decay = cfg['TRAIN']['DECAY']
    burn_in = cfg['TRAIN']['BURN_IN']
    iter_size = cfg['TRAIN']['MAXITER']
    batch_size = cfg['TRAIN']['BATCHSIZE']
    subdivision = cfg['TRAIN']['SUBDIVISION']

    model = YOLOv3(ignore_thre=cfg['TRAIN']['IGNORETHRE'])
    model.train()

    dataset = COCODataset(model_type=cfg['MODEL']['TYPE'], data_dir='COCO/', img_size=cfg['TRAIN']['IMGSIZE'])
    dataloader = torch.utils.data.DataLoader(dataset, batch_size=batch_size, shuffle=True, num_workers=args.n_cpu)
    dataiterator = iter(dataloader)

    # set weight decay only on conv.weight
    params = []
    for key, value in dict(model.named_parameters()).items():
        if 'conv.weight' in key:
            params += [{'params': value, 'weight_decay': decay * batch_size * subdivision}]
        else:
            params += [{'params': value, 'weight_decay': 0.0}]
    optimizer = optim.SGD(params, lr=base_lr, momentum=momentum, dampening=0,
                          weight_decay=decay * batch_size * subdivision)

    def set_lr(tmp_lr):
        for param_group in optimizer.param_groups:
            param_group['lr'] = tmp_lr / batch_size / subdivision

    tmp_lr = base_lr
    for iter_i in range(iter_size):
        if iter_i < burn_in:
            tmp_lr = base_lr * pow(iter_i / burn_in, 4)
            set_lr(tmp_lr)
        elif iter_i == burn_in:
            tmp_lr = base_lr
            set_lr(tmp_lr)

        optimizer.zero_grad()
        for _ in range(subdivision):
            try:
                imgs, targets, _, _ = next(dataiterator)
            except StopIteration:
                dataiterator = iter(dataloader)
                imgs, targets, _, _ = next(dataiterator)
            loss = model(imgs, targets)
            loss.backward()
        optimizer.step()

        if iter_i % 10 == 0:
            print('[Iter %d/%d] [lr %f] total %f' % (iter_i, iter_size, tmp_lr, model.loss_dict['l2']))
        if iter_i > 0 and iter_i % 1000 == 0:
            torch.save(model.state_dict(), os.path.join(args.checkpoint_dir, 'snapshot.ckpt'))


if __name__ == '__main__':
    main()
