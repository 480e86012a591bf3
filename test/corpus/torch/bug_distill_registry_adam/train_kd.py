# Idiom seen in: yoshitomo-matsubara/torchdistill examples/torchvision/image_classification.py
# What it reproduces: KD driver; the student's optimizer comes from registry.get_optimizer with the
# config's Adam params (weight_decay decays the ResNet's BatchNorm and fc bias too, and is coupled L2).
import argparse

import torch
import torch.nn.functional as F
from torchvision import models

from configs import train_config
from registry import get_optimizer
from data_util import build_train_loader


def kd_loss(student_logits, teacher_logits, targets, temperature, alpha):
    soft = F.kl_div(F.log_softmax(student_logits / temperature, dim=1),
                    F.softmax(teacher_logits / temperature, dim=1),
                    reduction='batchmean') * (temperature ** 2)
    hard = F.cross_entropy(student_logits, targets)
    return alpha * soft + (1 - alpha) * hard


def main(args):
    teacher = models.__dict__[train_config['teacher']['name']](pretrained=True).cuda().eval()
    student = models.__dict__[train_config['student']['name']](pretrained=False).cuda()
    optim_config = train_config['optimizer']
    optimizer = get_optimizer(student, optim_config['type'], optim_config['params'])
    scheduler = torch.optim.lr_scheduler.MultiStepLR(optimizer, **train_config['scheduler']['params'])
    crit = train_config['criterion']
    loader = build_train_loader(args.data_root, args.batch_size)
    for epoch in range(train_config['num_epochs']):
        student.train()
        for images, targets in loader:
            images, targets = images.cuda(), targets.cuda()
            with torch.no_grad():
                teacher_logits = teacher(images)
            loss = kd_loss(student(images), teacher_logits, targets, crit['temperature'], crit['alpha'])
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
        scheduler.step()


if __name__ == '__main__':
    parser = argparse.ArgumentParser(description='Knowledge distillation for image classification')
    parser.add_argument('--data_root', default='~/dataset/ilsvrc2012')
    parser.add_argument('--batch_size', type=int, default=256)
    main(parser.parse_args())
