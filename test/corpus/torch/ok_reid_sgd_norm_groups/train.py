# Idiom seen in: occludedReIDICCV/HolisitcGuidanceOccReID solver/make_optimizer.py
# Idiom seen in: occludedReIDICCV/HolisitcGuidanceOccReID config/configs.py
# What it reproduces: per-parameter groups where biases and 1-d (norm) params get WEIGHT_DECAY_BIAS = 0.0,
# the rest WEIGHT_DECAY, and cfg.OPTIMIZER = "SGD" with momentum, lr*wd tiny: clean.
import torch.nn.functional as F

from config import Config
from model import Baseline
from make_optimizer import make_optimizer
from datasets import make_dataloader

cfg = Config()
train_loader, _ = make_dataloader(cfg)
model = Baseline(cfg.NUM_CLASSES).cuda()
optimizer = make_optimizer(cfg, model)
for epoch in range(cfg.MAX_EPOCHS):
    model.train()
    for img, pid in train_loader:
        loss = F.cross_entropy(model(img.cuda()), pid.cuda())
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    print('epoch', epoch, 'loss', loss.item())
