# Idiom seen in: facebookresearch/vissl vissl/optimizers/param_groups/default.py
# What it reproduces: vissl's construct_single_param_group_only shortcut (meant for FSDP flattening) left on
#   in a plain DDP run: one group of list(model.parameters()) with the weight decay, so the BatchNorm and
#   bias parameters of the ResNet are decayed by SGD too (the regularize_bn/bias switches are never read).
import torch
import torch.nn as nn
import torchvision

from datasets import get_imagenet_loader

OPTIMIZER = {
    'name': 'sgd',
    'base_lr': 0.1,
    'momentum': 0.9,
    'nesterov': True,
    'weight_decay': 1e-4,
    'regularize_bias': False,
    'regularize_bn': False,
    'construct_single_param_group_only': True,
    'num_epochs': 90,
}


def get_optimizer_param_groups(model, optimizer_config):
    if optimizer_config['construct_single_param_group_only']:
        return [{
            'params': list(model.parameters()),  # expect: WD203
            'lr': optimizer_config['base_lr'],
            'weight_decay': optimizer_config['weight_decay'],
        }]
    regularized, unregularized = [], []
    for name, p in model.named_parameters():
        if p.ndim <= 1 and not optimizer_config['regularize_bn']:
            unregularized.append(p)
        else:
            regularized.append(p)
    return [{'params': regularized, 'lr': optimizer_config['base_lr'], 'weight_decay': optimizer_config['weight_decay']},
            {'params': unregularized, 'lr': optimizer_config['base_lr'], 'weight_decay': 0.0}]


def main():
    model = torchvision.models.resnet50(num_classes=1000).cuda()
    groups = get_optimizer_param_groups(model, OPTIMIZER)
    optimizer = torch.optim.SGD(groups, lr=OPTIMIZER['base_lr'], momentum=OPTIMIZER['momentum'],
                                nesterov=OPTIMIZER['nesterov'])
    scheduler = torch.optim.lr_scheduler.MultiStepLR(optimizer, milestones=[30, 60, 80], gamma=0.1)
    criterion = nn.CrossEntropyLoss()
    loader = get_imagenet_loader(split='train', batch_size=256)
    for epoch in range(OPTIMIZER['num_epochs']):
        model.train()
        for images, target in loader:
            loss = criterion(model(images.cuda()), target.cuda())
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
        scheduler.step()


if __name__ == '__main__':
    main()
