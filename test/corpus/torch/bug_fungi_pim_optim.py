# Idiom seen in: wujiekd/Bag-of-Tricks-and-a-Strong-Baseline-for-Fungi-Fine-Grained-Classification FGVC-PIM/main.py
# Idiom seen in: wujiekd/Bag-of-Tricks-and-a-Strong-Baseline-for-Fungi-Fine-Grained-Classification FGVC-PIM/utils/config_utils.py
# What it reproduces: set_environment() picks the optimizer by name from args/yaml. The SGD branch decays
#   all of the Swin/ResNet parameters incl. LayerNorm/BN and biases (WD203); the AdamW branch passes no
#   weight_decay, so AdamW's default 0.01 decays all of them as well (WD203).
import argparse
import contextlib

import torch
import torch.nn.functional as F
from timm.scheduler import create_scheduler

from data.dataset import build_loader
from models.builder import MODEL_GETTER
from utils.config_utils import load_yaml
from utils.costom_logger import timeLogger


def get_args():
    parser = argparse.ArgumentParser("Fine-Grained Visual Classification")
    parser.add_argument("--c", default="", type=str, help="config file path")
    parser.add_argument("--train_root", default="", type=str)
    parser.add_argument("--val_root", default="", type=str)
    parser.add_argument("--data_size", default=384, type=int)
    parser.add_argument("--batch_size", default=64, type=int)
    parser.add_argument("--model_name", default="", type=str, help='["resnet50", "swin-t", "vit", "efficient"]')
    parser.add_argument("--optimizer", default="", type=str, help='["SGD", "AdamW"]')
    parser.add_argument("--max_lr", default=0.0003, type=float)
    parser.add_argument("--wdecay", default=0.0005, type=float)
    parser.add_argument("--max_epochs", default=50, type=int)
    parser.add_argument("--num_classes", default=10, type=int)
    parser.add_argument("--pretrained", default=None, type=str)
    parser.add_argument("--use_amp", default=True, type=bool)
    return parser.parse_args()


def set_environment(args, tlogger):
    args.device = torch.device("cuda:0" if torch.cuda.is_available() else "cpu")
    tlogger.print("Building Dataloader....")
    train_loader, val_loader = build_loader(args)

    tlogger.print("Building Model....")
    model = MODEL_GETTER[args.model_name](num_classes=args.num_classes)
    start_epoch = 0
    if args.pretrained is not None:
        checkpoint = torch.load(args.pretrained, map_location=torch.device('cpu'))
        model.load_state_dict(checkpoint['model'])
        start_epoch = checkpoint['epoch']
    model.to(args.device)

    tlogger.print("Building Optimizer....")
    if args.optimizer == "SGD":
        optimizer = torch.optim.SGD(model.parameters(), lr=args.max_lr, nesterov=True, momentum=0.9, weight_decay=args.wdecay)  # expect: WD203
    elif args.optimizer == "AdamW":
        optimizer = torch.optim.AdamW(model.parameters(), lr=args.max_lr)  # expect: WD203
    else:
        raise ValueError(args.optimizer)
    if args.pretrained is not None:
        optimizer.load_state_dict(checkpoint['optimizer'])

    schedule, num_epochs = create_scheduler(args, optimizer)
    if args.use_amp:
        scaler, amp_context = torch.cuda.amp.GradScaler(), torch.cuda.amp.autocast
    else:
        scaler, amp_context = None, contextlib.nullcontext
    return train_loader, val_loader, model, optimizer, schedule, scaler, amp_context, start_epoch


def train(args, epoch, model, scaler, amp_context, optimizer, train_loader):
    model.train()
    for batch_id, (ids, datas, labels) in enumerate(train_loader):
        datas, labels = datas.to(args.device), labels.to(args.device)
        with amp_context():
            outs = model(datas)
            loss = F.cross_entropy(outs['comb_outs'], labels)
        if scaler is not None:
            scaler.scale(loss).backward()
            scaler.step(optimizer)
            scaler.update()
        else:
            loss.backward()
            optimizer.step()
        optimizer.zero_grad()


if __name__ == "__main__":
    tlogger = timeLogger()
    args = get_args()
    load_yaml(args, args.c)
    train_loader, val_loader, model, optimizer, schedule, scaler, amp_context, start_epoch = set_environment(args, tlogger)
    for epoch in range(start_epoch, args.max_epochs):
        train(args, epoch, model, scaler, amp_context, optimizer, train_loader)
        schedule.step(epoch + 1)
