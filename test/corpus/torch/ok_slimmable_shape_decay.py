# Idiom seen in: JiahuiYu/slimmable_networks train.py
# Idiom seen in: JiahuiYu/slimmable_networks utils/config.py
# Idiom seen in: JiahuiYu/slimmable_networks models/s_mobilenet_v2.py
# What it reproduces: get_optimizer gives each parameter its own group: FLAGS.weight_decay only for 4-D non-depthwise
#   conv kernels and 2-D fc weights, 0 for depthwise kernels, biases and BatchNorm (all 1-D); MobileNetV2 with bias-free
#   convs; plain cross-entropy loop (clean).
import torch.nn as nn
import torch
from utils.meters import ScalarMeter
from imagenet_loader import data_loader


class AttrDict(dict):
    def __init__(self, *args, **kwargs):
        super(AttrDict, self).__init__(*args, **kwargs)
        self.__dict__ = self


_app = {
    'model': 'models.s_mobilenet_v2',
    'num_classes': 1000,
    'image_size': 224,
    'optimizer': 'sgd',
    'momentum': 0.9,
    'weight_decay': 0.00004,
    'nesterov': True,
    'lr': 0.1,
    'lr_scheduler': 'linear_decaying',
    'num_epochs': 250,
    'batch_size': 1024,
    'width_mult_list': [0.35, 0.5, 0.75, 1.0],
}

FLAGS = AttrDict(_app)


class InvertedResidual(nn.Module):
    def __init__(self, inp, outp, stride, expand_ratio):
        super(InvertedResidual, self).__init__()
        hidden = inp * expand_ratio
        self.residual_connection = stride == 1 and inp == outp
        layers = []
        if expand_ratio != 1:
            layers += [nn.Conv2d(inp, hidden, 1, 1, 0, bias=False), nn.BatchNorm2d(hidden), nn.ReLU6(inplace=True)]
        layers += [nn.Conv2d(hidden, hidden, 3, stride, 1, groups=hidden, bias=False),
                   nn.BatchNorm2d(hidden), nn.ReLU6(inplace=True),
                   nn.Conv2d(hidden, outp, 1, 1, 0, bias=False), nn.BatchNorm2d(outp)]
        self.body = nn.Sequential(*layers)

    def forward(self, x):
        return x + self.body(x) if self.residual_connection else self.body(x)


class Model(nn.Module):
    def __init__(self, num_classes=1000, input_size=224):
        super(Model, self).__init__()
        setting = [[1, 16, 1, 1], [6, 24, 2, 2], [6, 32, 3, 2], [6, 64, 4, 2],
                   [6, 96, 3, 1], [6, 160, 3, 2], [6, 320, 1, 1]]
        features = [nn.Conv2d(3, 32, 3, 2, 1, bias=False), nn.BatchNorm2d(32), nn.ReLU6(inplace=True)]
        channels = 32
        for t, c, n, s in setting:
            for i in range(n):
                features.append(InvertedResidual(channels, c, s if i == 0 else 1, t))
                channels = c
        features += [nn.Conv2d(channels, 1280, 1, 1, 0, bias=False), nn.BatchNorm2d(1280), nn.ReLU6(inplace=True),
                     nn.AvgPool2d(input_size // 32)]
        self.features = nn.Sequential(*features)
        self.classifier = nn.Sequential(nn.Linear(1280, num_classes))

    def forward(self, x):
        return self.classifier(self.features(x).view(x.size(0), -1))


def get_optimizer(model):
    """get optimizer"""
    if FLAGS.optimizer == 'sgd':
        # all depthwise convolution (N, 1, x, x) has no weight decay
        # weight decay only on normal conv and fc
        model_params = []
        for params in model.parameters():
            ps = list(params.size())
            if len(ps) == 4 and ps[1] != 1:
                weight_decay = FLAGS.weight_decay
            elif len(ps) == 2:
                weight_decay = FLAGS.weight_decay
            else:
                weight_decay = 0
            item = {'params': params, 'weight_decay': weight_decay,
                    'lr': FLAGS.lr, 'momentum': FLAGS.momentum,
                    'nesterov': FLAGS.nesterov}
            model_params.append(item)
        optimizer = torch.optim.SGD(model_params)
    else:
        raise NotImplementedError('Optimizer {} is not yet implemented.'.format(FLAGS.optimizer))
    return optimizer


def run_one_epoch(epoch, loader, model, criterion, optimizer, meter):
    model.train()
    per_step = FLAGS.lr / FLAGS.num_epochs / len(loader.dataset) * FLAGS.batch_size
    for batch_idx, (input, target) in enumerate(loader):
        for param_group in optimizer.param_groups:
            param_group['lr'] -= per_step
        optimizer.zero_grad()
        loss = torch.mean(criterion(model(input), target))
        loss.backward()
        optimizer.step()
        meter.cache(loss.item())


def train():
    model = Model(FLAGS.num_classes, input_size=FLAGS.image_size)
    model_wrapper = torch.nn.DataParallel(model)
    criterion = torch.nn.CrossEntropyLoss(reduction='none')
    optimizer = get_optimizer(model_wrapper)
    train_loader, val_loader = data_loader(FLAGS)
    meter = ScalarMeter('train_loss')
    for epoch in range(FLAGS.num_epochs):
        run_one_epoch(epoch, train_loader, model_wrapper, criterion, optimizer, meter)


if __name__ == '__main__':
    train()
