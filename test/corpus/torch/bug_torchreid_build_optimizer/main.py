# Idiom seen in: KaiyangZhou/deep-person-reid README.rst (get-started example) and torchreid/engine/image/softmax.py
# What it reproduces: the documented quick-start: build an OSNet re-ID model, then
#   build_optimizer(model, optim='adam', lr=0.0003) relying on the factory's default weight_decay=5e-04, which
#   reaches Adam as coupled L2 on every parameter (labels are in optim_builder.py where the optimizer is built).
import torch
import torch.nn as nn

import torchreid
from optim_builder import build_optimizer


def train_epoch(model, loader, optimizer, criterion, use_gpu=True):
    model.train()
    for batch_idx, data in enumerate(loader):
        imgs, pids = data['img'], data['pid']
        if use_gpu:
            imgs, pids = imgs.cuda(), pids.cuda()
        outputs = model(imgs)
        loss = criterion(outputs, pids)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        if batch_idx % 50 == 0:
            print('batch {} loss {:.4f}'.format(batch_idx, loss.item()))


def main():
    datamanager = torchreid.data.ImageDataManager(
        root='reid-data', sources='market1501', targets='market1501',
        height=256, width=128, batch_size_train=32, batch_size_test=100,
        transforms=['random_flip', 'random_crop'])

    model = torchreid.models.build_model(
        name='osnet_x1_0', num_classes=datamanager.num_train_pids, loss='softmax', pretrained=True)
    model = model.cuda()
    if torch.cuda.device_count() > 1:
        model = nn.DataParallel(model)

    optimizer = build_optimizer(model, optim='adam', lr=0.0003)
    scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size=20, gamma=0.1)
    criterion = nn.CrossEntropyLoss()

    for epoch in range(60):
        train_epoch(model, datamanager.train_loader, optimizer, criterion)
        scheduler.step()
        torch.save(model.state_dict(), 'log/osnet_x1_0/model-epoch{}.pth'.format(epoch + 1))


if __name__ == '__main__':
    main()
