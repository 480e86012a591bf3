# Idiom seen in: Zhongdao/Towards-Realtime-MOT train.py
# What it reproduces: JDE multi-object-tracking training (Darknet detector + re-ID embedding head). As in the repo,
#   SGD(filter(requires_grad, model.parameters()), weight_decay=1e-4) decays the head convolutions' biases (WD203).
#   A user then added an "extra L2" that is only written to the running-loss log: loss.backward() never sees it (WD104).
import argparse
import json
import os.path as osp
import time
from collections import defaultdict

import torch
from torchvision.transforms import transforms as T

import test
from models import Darknet, load_darknet_weights
from utils.datasets import JointDataset, collate_fn
from utils.log import logger
from utils.utils import init_seeds, mkdir_if_missing


def train(cfg, data_cfg, img_size=(1088, 608), resume=False, epochs=100, batch_size=16,
          accumulated_batches=1, opt=None):
    weights = 'weights'
    mkdir_if_missing(weights)
    latest = osp.join(weights, 'latest.pt')
    torch.backends.cudnn.benchmark = True

    with open(data_cfg) as f:
        data_config = json.load(f)
    dataset = JointDataset(data_config['root'], data_config['train'], img_size, augment=True,
                           transforms=T.Compose([T.ToTensor()]))
    dataloader = torch.utils.data.DataLoader(dataset, batch_size=batch_size, shuffle=True, num_workers=8,
                                             pin_memory=True, drop_last=True, collate_fn=collate_fn)

    model = Darknet(cfg, img_size, dataset.nID)
    start_epoch = 0
    if resume:
        checkpoint = torch.load(latest, map_location='cpu')
        model.load_state_dict(checkpoint['model'])
        model.cuda().train()
        optimizer = torch.optim.SGD(filter(lambda x: x.requires_grad, model.parameters()), lr=opt.lr, momentum=.9)
        start_epoch = checkpoint['epoch'] + 1
        if checkpoint['optimizer'] is not None:
            optimizer.load_state_dict(checkpoint['optimizer'])
        del checkpoint
    else:
        load_darknet_weights(model, osp.join(weights, 'darknet53.conv.74'))
        model.cuda().train()
        optimizer = torch.optim.SGD(filter(lambda x: x.requires_grad, model.parameters()), lr=opt.lr, momentum=.9, weight_decay=1e-4)  # expect: WD203

    model = torch.nn.DataParallel(model)
    scheduler = torch.optim.lr_scheduler.MultiStepLR(
        optimizer, milestones=[int(0.5 * opt.epochs), int(0.75 * opt.epochs)], gamma=0.1)

    # An important trick for detection: freeze bn during fine-tuning
    if not opt.unfreeze_bn:
        for i, (name, p) in enumerate(model.named_parameters()):
            p.requires_grad = False if 'batch_norm' in name else True

    t0 = time.time()
    for epoch in range(epochs):
        epoch += start_epoch
        rloss = defaultdict(float)
        optimizer.zero_grad()
        for i, (imgs, targets, _, _, targets_len) in enumerate(dataloader):
            if sum([len(x) for x in targets]) < 1:
                continue
            burnin = min(1000, len(dataloader))
            if (epoch == 0) & (i <= burnin):
                for g in optimizer.param_groups:
                    g['lr'] = opt.lr * (i / burnin) ** 4

            loss, components = model(imgs.cuda(), targets.cuda(), targets_len.cuda())
            components = torch.mean(components.view(-1, 5), dim=0)
            loss = torch.mean(loss)

            l2_penalty = opt.l2_reg * sum(p.pow(2).sum() for p in model.module.parameters())  # expect: WD104
            total = loss + l2_penalty
            loss.backward()

            if ((i + 1) % accumulated_batches == 0) or (i == len(dataloader) - 1):
                optimizer.step()
                optimizer.zero_grad()

            for ii, key in enumerate(model.module.loss_names):
                rloss[key] = (rloss[key] * i + components[ii]) / (i + 1)
            rloss['total'] = (rloss['total'] * i + total.item()) / (i + 1)
            if i % opt.print_interval == 0:
                logger.info('%g/%g %g/%g box %.3g conf %.3g id %.3g total %.3g time %.3g' % (
                    epoch, epochs - 1, i, len(dataloader) - 1, rloss['box'], rloss['conf'], rloss['id'],
                    rloss['total'], time.time() - t0))
                t0 = time.time()

        torch.save({'epoch': epoch, 'model': model.module.state_dict(), 'optimizer': optimizer.state_dict()}, latest)
        if epoch % opt.test_interval == 0:
            with torch.no_grad():
                test.test(cfg, data_cfg, weights=latest, batch_size=batch_size, img_size=img_size, nID=dataset.nID)
        scheduler.step()


if __name__ == '__main__':
    parser = argparse.ArgumentParser()
    parser.add_argument('--epochs', type=int, default=30)
    parser.add_argument('--batch-size', type=int, default=32)
    parser.add_argument('--accumulated-batches', type=int, default=1)
    parser.add_argument('--cfg', type=str, default='cfg/yolov3.cfg')
    parser.add_argument('--data-cfg', type=str, default='cfg/ccmcpe.json')
    parser.add_argument('--resume', action='store_true')
    parser.add_argument('--print-interval', type=int, default=40)
    parser.add_argument('--test-interval', type=int, default=9)
    parser.add_argument('--lr', type=float, default=1e-2)
    parser.add_argument('--l2-reg', type=float, default=5e-5, help='extra L2 on all weights')
    parser.add_argument('--unfreeze-bn', action='store_true')
    opt = parser.parse_args()
    init_seeds()
    train(opt.cfg, opt.data_cfg, resume=opt.resume, epochs=opt.epochs, batch_size=opt.batch_size,
          accumulated_batches=opt.accumulated_batches, opt=opt)
