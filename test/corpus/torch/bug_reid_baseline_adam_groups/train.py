# Idiom seen in: occludedReIDICCV/HolisitcGuidanceOccReID solver/make_optimizer.py
# Idiom seen in: occludedReIDICCV/HolisitcGuidanceOccReID config/configs.py
# What it reproduces: reid-strong-baseline style optimizer: one param group per parameter, biases get
# WEIGHT_DECAY_BIAS (non-zero) and BN weights WEIGHT_DECAY, class looked up by cfg.OPTIMIZER = "Adam":
# coupled L2 under Adam on every group, biases and BN params decayed too.
import torch
import torch.nn.functional as F

from config import Config
from model import Baseline
from make_optimizer import make_optimizer
from datasets import make_dataloader
from loss import TripletLoss


def train(cfg):
    train_loader, num_query = make_dataloader(cfg)
    model = Baseline(cfg.NUM_CLASSES, cfg.PRETRAIN_PATH).cuda()
    optimizer = make_optimizer(cfg, model)
    triplet = TripletLoss(margin=0.3)
    for epoch in range(1, cfg.MAX_EPOCHS + 1):
        model.train()
        for it, (img, target) in enumerate(train_loader):
            img, target = img.cuda(), target.cuda()
            score, feat = model(img)
            loss = F.cross_entropy(score, target) + triplet(feat, target)[0]
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            if (it + 1) % cfg.LOG_PERIOD == 0:
                print('Epoch[{}] Iter[{}] Loss: {:.3f}'.format(epoch, it + 1, loss.item()))
        torch.save(model.state_dict(), 'output/{}_{}.pth'.format(cfg.CFG_NAME, epoch))


if __name__ == '__main__':
    train(Config())
