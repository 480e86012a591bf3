# Idiom seen in: yoshitomo-matsubara/torchdistill examples/torchvision/image_classification.py
# What it reproduces: KD driver that hands registry.get_optimizer a list of two groups: kernels (take
# the config's weight_decay) and BN/bias tensors (weight_decay 0.0 set in the group). Clean.
import torch
import torch.nn.functional as F

from configs import train_config
from registry import get_optimizer
from cifar_models import resnet20, densenet_bc_k12_depth100
from data_util import build_cifar10_loader


def split_no_decay(model):
    decay = [p for p in model.parameters() if p.requires_grad and p.ndim > 1]
    no_decay = [p for p in model.parameters() if p.requires_grad and p.ndim <= 1]
    return [{'params': decay}, {'params': no_decay, 'weight_decay': 0.0}]


def main():
    teacher = densenet_bc_k12_depth100(pretrained=True).cuda().eval()
    student = resnet20(num_classes=10).cuda()
    opt_cfg = train_config['optimizer']
    optimizer = get_optimizer(split_no_decay(student), opt_cfg['type'], opt_cfg['params'])
    scheduler = torch.optim.lr_scheduler.MultiStepLR(optimizer, **train_config['scheduler'])
    T = train_config['criterion']['temperature']
    alpha = train_config['criterion']['alpha']
    loader = build_cifar10_loader(batch_size=64)
    for epoch in range(train_config['num_epochs']):
        student.train()
        for x, y in loader:
            x, y = x.cuda(), y.cuda()
            with torch.no_grad():
                t_logits = teacher(x)
            s_logits = student(x)
            soft = F.kl_div(F.log_softmax(s_logits / T, dim=1), F.softmax(t_logits / T, dim=1),
                            reduction='batchmean') * T * T
            loss = alpha * soft + (1 - alpha) * F.cross_entropy(s_logits, y)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
        scheduler.step()


if __name__ == '__main__':
    main()
