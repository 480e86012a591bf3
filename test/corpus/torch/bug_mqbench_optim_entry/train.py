# Idiom seen in: ModelTC/mqbench-paper prototype/optimizer/__init__.py
# What it reproduces: realistic user mistake in the prototype idiom: the QAT fine-tune config switches
#   type to 'Adam' but keeps the SGD recipe's weight_decay, and params are all model.parameters()
#   (coupled L2 under Adam, on biases, BN affines and quantizer scales alike).
import argparse

import torch
import torch.nn.functional as F

from optimizer_entry import optim_entry
from prototype.model import model_entry
from prototype.data import build_imagenet_train_dataloader
from mqbench.prepare_by_platform import prepare_by_platform, BackendType

parser = argparse.ArgumentParser(description='QAT fine-tuning')
parser.add_argument('--arch', default='resnet18')
parser.add_argument('--epochs', type=int, default=20)
parser.add_argument('--batch-size', type=int, default=64)
args = parser.parse_args()

config = {
    'optimizer': {
        'type': 'Adam',
        'kwargs': {
            'lr': 1e-4,
            'weight_decay': 1e-4,  # expect: WD202
        },
    },
}

model = model_entry({'type': args.arch, 'kwargs': {'num_classes': 1000}})
model = prepare_by_platform(model, BackendType.Tensorrt)
model.cuda()

opt_config = config['optimizer']
opt_config['kwargs']['params'] = model.parameters()  # expect: WD203
optimizer = optim_entry(opt_config)

train_loader = build_imagenet_train_dataloader(batch_size=args.batch_size)
for epoch in range(args.epochs):
    model.train()
    for step, (images, target) in enumerate(train_loader):
        images, target = images.cuda(), target.cuda()
        logits = model(images)
        loss = F.cross_entropy(logits, target)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        if step % 100 == 0:
            print('epoch {} step {} loss {:.4f}'.format(epoch, step, loss.item()))
