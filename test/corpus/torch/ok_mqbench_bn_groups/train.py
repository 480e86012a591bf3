# Idiom seen in: ModelTC/mqbench-paper prototype/optimizer/__init__.py
# What it reproduces: a prototype-style training script: SGD with momentum 0.9, lr 0.1 and
#   weight_decay 1e-4 on the kernels only (BN/bias group at 0). Clean.
import torch
import torch.nn.functional as F

from optimizer_entry import optim_entry
from param_groups import param_group_no_wd
from prototype.model import model_entry
from prototype.data import build_imagenet_train_dataloader

config = {
    'model': {'type': 'resnet18', 'kwargs': {'num_classes': 1000}},
    'optimizer': {
        'type': 'SGD',
        'kwargs': {'lr': 0.1, 'momentum': 0.9, 'nesterov': True, 'weight_decay': 1e-4},
    },
    'max_epoch': 100,
}

model = model_entry(config['model']).cuda()
opt_config = config['optimizer']
opt_config['kwargs']['params'] = param_group_no_wd(model)
optimizer = optim_entry(opt_config)
scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=config['max_epoch'])

train_loader = build_imagenet_train_dataloader(batch_size=256)
for epoch in range(config['max_epoch']):
    model.train()
    for images, target in train_loader:
        images, target = images.cuda(non_blocking=True), target.cuda(non_blocking=True)
        loss = F.cross_entropy(model(images), target)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    scheduler.step()
    print('epoch {} done, lr {:.5f}'.format(epoch, scheduler.get_last_lr()[0]))
