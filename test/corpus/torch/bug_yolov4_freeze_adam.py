# Idiom seen in: bubbliiiing/yolov4-pytorch train.py
# What it reproduces: the freeze/unfreeze detector schedule that builds a fresh optimizer per stage,
#   each time optim.Adam(net.parameters(), lr, weight_decay=5e-4): coupled L2 under Adam, on every
#   BatchNorm and conv bias of the DataParallel-wrapped YoloBody (the repository's own code).
import os
import time

import numpy as np
import torch
import torch.backends.cudnn as cudnn
import torch.optim as optim

from nets.yolo4 import YoloBody
from nets.yolo_training import YOLOLoss, Generator


def get_classes(classes_path):
    with open(classes_path) as f:
        class_names = f.readlines()
    return [c.strip() for c in class_names]


def get_anchors(anchors_path):
    with open(anchors_path) as f:
        anchors = f.readline()
    anchors = [float(x) for x in anchors.split(',')]
    return np.array(anchors).reshape([-1, 3, 2])[::-1, :, :]


def fit_one_epoch(net, yolo_losses, optimizer, epoch, epoch_size, gen, Epoch, cuda):
    total_loss = 0
    for iteration, (images, targets) in enumerate(gen):
        if iteration >= epoch_size:
            break
        start_time = time.time()
        with torch.no_grad():
            images = torch.from_numpy(images).type(torch.FloatTensor)
            targets = [torch.from_numpy(ann).type(torch.FloatTensor) for ann in targets]
            if cuda:
                images = images.cuda()
        optimizer.zero_grad()
        outputs = net(images)
        losses = [yolo_losses[i](outputs[i], targets)[0] for i in range(3)]
        loss = sum(losses)
        loss.backward()
        optimizer.step()
        total_loss += loss.item()
        print('Epoch %d/%d iter %d/%d || Total Loss: %.4f || %.4fs/step' % (
            epoch + 1, Epoch, iteration, epoch_size, total_loss / (iteration + 1), time.time() - start_time))
    return total_loss


if __name__ == "__main__":
    input_shape = (416, 416)
    Cuda = True
    mosaic = True
    annotation_path = '2007_train.txt'
    class_names = get_classes('model_data/voc_classes.txt')
    anchors = get_anchors('model_data/yolo_anchors.txt')
    num_classes = len(class_names)

    model = YoloBody(len(anchors[0]), num_classes)
    model_dict = model.state_dict()
    pretrained_dict = torch.load("model_data/yolo4_weights.pth")
    pretrained_dict = {k: v for k, v in pretrained_dict.items() if np.shape(model_dict[k]) == np.shape(v)}
    model_dict.update(pretrained_dict)
    model.load_state_dict(model_dict)

    net = model.train()
    if Cuda:
        net = torch.nn.DataParallel(model)
        cudnn.benchmark = True
        net = net.cuda()

    yolo_losses = [YOLOLoss(np.reshape(anchors, [-1, 2]), num_classes, (input_shape[1], input_shape[0]), 0, Cuda)
                   for _ in range(3)]

    with open(annotation_path) as f:
        lines = f.readlines()
    np.random.shuffle(lines)
    num_train = len(lines)

    # ---- stage 1: frozen backbone ----
    lr = 1e-3
    Batch_size = 4
    Init_Epoch, Freeze_Epoch = 0, 25
    optimizer = optim.Adam(net.parameters(), lr, weight_decay=5e-4)  # expect: WD202, WD203
    lr_scheduler = optim.lr_scheduler.StepLR(optimizer, step_size=1, gamma=0.9)
    gen = Generator(Batch_size, lines, (input_shape[0], input_shape[1])).generate(mosaic=mosaic)
    for param in model.backbone.parameters():
        param.requires_grad = False
    for epoch in range(Init_Epoch, Freeze_Epoch):
        fit_one_epoch(net, yolo_losses, optimizer, epoch, max(1, num_train // Batch_size), gen, Freeze_Epoch, Cuda)
        lr_scheduler.step()

    # ---- stage 2: unfrozen ----
    lr = 1e-4
    Batch_size = 2
    Unfreeze_Epoch = 50
    optimizer = optim.Adam(net.parameters(), lr, weight_decay=5e-4)  # expect: WD202, WD203
    lr_scheduler = optim.lr_scheduler.StepLR(optimizer, step_size=1, gamma=0.9)
    gen = Generator(Batch_size, lines, (input_shape[0], input_shape[1])).generate(mosaic=mosaic)
    for param in model.backbone.parameters():
        param.requires_grad = True
    for epoch in range(Freeze_Epoch, Unfreeze_Epoch):
        fit_one_epoch(net, yolo_losses, optimizer, epoch, max(1, num_train // Batch_size), gen, Unfreeze_Epoch, Cuda)
        lr_scheduler.step()
    torch.save(model.state_dict(), os.path.join('logs', 'last.pth'))
