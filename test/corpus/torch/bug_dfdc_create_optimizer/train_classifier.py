# Idiom seen in: selimsef/dfdc_deepfake_challenge training/pipelines/train_classifier.py
# What it reproduces: Kaggle DFDC training pipeline: config -> model zoo -> create_optimizer ->
# apex amp training loop with BCE on fake/real labels.
import argparse

import torch
from apex import amp
from torch.nn import BCEWithLogitsLoss

from config import load_config
from utils import create_optimizer
from zoo import classifiers
from datasets.classifier_dataset import DeepFakeClassifierDataset


def main():
    parser = argparse.ArgumentParser("PyTorch Xview Pipeline")
    parser.add_argument('--config', metavar='CONFIG_FILE', default='configs/b7.json')
    parser.add_argument('--data-dir', default='/mnt/sota/datasets/deepfake')
    parser.add_argument('--fold', type=int, default=0)
    parser.add_argument('--opt-level', default='O1', type=str)
    args = parser.parse_args()

    conf = load_config(args.config)
    model = classifiers.__dict__[conf['network']](encoder=conf['encoder']).cuda()
    optimizer, scheduler = create_optimizer(conf['optimizer'], model)
    if conf['fp16']:
        model, optimizer = amp.initialize(model, optimizer, opt_level=args.opt_level, loss_scale='dynamic')
    loss_fn = BCEWithLogitsLoss()
    data_train = DeepFakeClassifierDataset(data_path=args.data_dir, fold=args.fold, mode='train')
    train_loader = torch.utils.data.DataLoader(data_train, batch_size=conf['optimizer']['batch_size'],
                                               shuffle=True, num_workers=8, drop_last=True)
    for epoch in range(conf['optimizer']['schedule']['epochs']):
        model.train()
        for i, sample in enumerate(train_loader):
            imgs = sample['image'].cuda()
            labels = sample['labels'].cuda().float()
            out = model(imgs)
            loss = loss_fn(out.view(-1), labels.view(-1))
            optimizer.zero_grad()
            with amp.scale_loss(loss, optimizer) as scaled_loss:
                scaled_loss.backward()
            torch.nn.utils.clip_grad_norm_(amp.master_params(optimizer), 1)
            optimizer.step()
            scheduler.step(i + epoch * conf['batches_per_epoch'])


if __name__ == '__main__':
    main()
