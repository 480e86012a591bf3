# Idiom seen in: PANPEIWEN/Infrared-Small-Target-Detection-Segmentation-Framework build/build_optimizer.py
# What it reproduces: the trainer that imports the config module, builds the segmentor from a registry in
#   another package, and gets its optimizer from build_optimizer(model, cfg).
# label-note: findings are labelled in dnanet_nuaa_cfg.py on the weight_decay setting.
import torch

import dnanet_nuaa_cfg as cfg
from build_optimizer import build_optimizer
from build_segmentor import build_model, build_loss
from irstd_data import build_loaders


class Trainer:
    def __init__(self, cfg):
        self.cfg = cfg
        self.device = torch.device('cuda' if torch.cuda.is_available() else 'cpu')
        self.model = build_model(cfg.model).to(self.device)
        self.criterion = build_loss(cfg.model['loss'])
        self.optimizer = build_optimizer(self.model, cfg)
        self.train_loader, self.test_loader = build_loaders(cfg.data)
        self.max_iter = cfg.runner['max_epochs'] * len(self.train_loader)
        self.iter = 0

    def adjust_lr(self):
        base = self.cfg.optimizer['setting']['lr']
        lr = (base - self.cfg.lr_config['min_lr']) * (1 - self.iter / self.max_iter) ** 0.9
        for group in self.optimizer.param_groups:
            group['lr'] = lr + self.cfg.lr_config['min_lr']

    def training(self, epoch):
        self.model.train()
        for img, mask in self.train_loader:
            img, mask = img.to(self.device), mask.to(self.device)
            preds = self.model(img)
            loss = self.criterion(preds, mask)
            self.optimizer.zero_grad()
            loss.backward()
            self.optimizer.step()
            self.adjust_lr()
            self.iter += 1
        print('epoch %d  loss %.4f' % (epoch, loss.item()))


def main():
    trainer = Trainer(cfg)
    for epoch in range(cfg.runner['max_epochs']):
        trainer.training(epoch)


if __name__ == '__main__':
    main()
