# Idiom seen in: megvii-model/ShuffleNet-Series ShuffleNetV2/train.py
# What it reproduces: SGD(get_parameters(model), lr=0.5, momentum=0.9, weight_decay=4e-5): the default decay
#   applies to the kernels' group only, the BN/bias group overrides it with 0. Clean (lr*wd = 2e-5).
import argparse

import torch
import torch.nn as nn

from network import ShuffleNetV2
from utils import CrossEntropyLabelSmooth, get_parameters, get_lastest_model
from imagenet_loader import get_train_dataprovider


def get_args():
    parser = argparse.ArgumentParser("ShuffleNetV2")
    parser.add_argument('--batch-size', type=int, default=1024)
    parser.add_argument('--total-iters', type=int, default=300000)
    parser.add_argument('--learning-rate', type=float, default=0.5)
    parser.add_argument('--momentum', type=float, default=0.9)
    parser.add_argument('--weight-decay', type=float, default=4e-5)
    parser.add_argument('--label-smooth', type=float, default=0.1)
    parser.add_argument('--model-size', type=str, default='2.0x')
    return parser.parse_args()


def main():
    args = get_args()
    use_gpu = torch.cuda.is_available()
    train_dataprovider = get_train_dataprovider(args.batch_size, use_gpu=use_gpu)
    model = ShuffleNetV2(model_size=args.model_size)
    optimizer = torch.optim.SGD(get_parameters(model),
                                lr=args.learning_rate,
                                momentum=args.momentum,
                                weight_decay=args.weight_decay)
    criterion_smooth = CrossEntropyLabelSmooth(1000, args.label_smooth)
    scheduler = torch.optim.lr_scheduler.LambdaLR(
        optimizer, lambda step: (1.0 - step / args.total_iters) if step <= args.total_iters else 0,
        last_epoch=-1)
    device = torch.device("cuda" if use_gpu else "cpu")
    model = nn.DataParallel(model).to(device)
    lastest_model, iters = get_lastest_model()
    if lastest_model is not None:
        model.load_state_dict(torch.load(lastest_model, map_location='cpu')['state_dict'], strict=True)

    model.train()
    while iters < args.total_iters:
        data, target = train_dataprovider.next()
        data, target = data.to(device), target.to(device)
        output = model(data)
        loss = criterion_smooth(output, target)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        scheduler.step()
        iters += 1


if __name__ == "__main__":
    main()
