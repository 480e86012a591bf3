# Idiom seen in: kazuto1011/deeplab-pytorch main.py
# Idiom seen in: kazuto1011/deeplab-pytorch libs/models/deeplabv2.py
# What it reproduces: caffe-style lr_mult/decay_mult groups: get_params(model, "1x") yields the bias-free backbone
#   convs, "10x" the ASPP weights (both decayed), "20x" the ASPP biases with weight_decay 0.0; BN is frozen and not
#   optimized: clean.
import os.path as osp

import click
import torch
import torch.nn as nn
import yaml
from addict import Dict
from tqdm import tqdm

from deeplabv2 import DeepLabV2
from libs.datasets import get_dataset
from libs.utils import PolynomialLR


def get_params(model, key):
    # For Dilated FCN
    if key == "1x":
        for m in model.named_modules():
            if "layer" in m[0]:
                if isinstance(m[1], nn.Conv2d):
                    for p in m[1].parameters():
                        yield p
    # For conv weight in the ASPP module
    if key == "10x":
        for m in model.named_modules():
            if "aspp" in m[0]:
                if isinstance(m[1], nn.Conv2d):
                    yield m[1].weight
    # For conv bias in the ASPP module
    if key == "20x":
        for m in model.named_modules():
            if "aspp" in m[0]:
                if isinstance(m[1], nn.Conv2d):
                    yield m[1].bias


@click.command()
@click.option("-c", "--config-path", type=click.Path(exists=True), required=True)
def train(config_path):
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    CONFIG = Dict(yaml.safe_load(open(config_path)))
    dataset = get_dataset(CONFIG.DATASET.NAME)(root=CONFIG.DATASET.ROOT, split=CONFIG.DATASET.SPLIT.TRAIN)
    loader = torch.utils.data.DataLoader(dataset, batch_size=CONFIG.SOLVER.BATCH_SIZE.TRAIN, shuffle=True)
    loader_iter = iter(loader)

    model = DeepLabV2(n_classes=CONFIG.DATASET.N_CLASSES)
    model.load_state_dict(torch.load(CONFIG.MODEL.INIT_MODEL), strict=False)
    model.to(device)

    optimizer = torch.optim.SGD(
        # cf lr_mult and decay_mult in train.prototxt
        params=[
            {"params": get_params(model, key="1x"), "lr": CONFIG.SOLVER.LR,
             "weight_decay": CONFIG.SOLVER.WEIGHT_DECAY},
            {"params": get_params(model, key="10x"), "lr": 10 * CONFIG.SOLVER.LR,
             "weight_decay": CONFIG.SOLVER.WEIGHT_DECAY},
            {"params": get_params(model, key="20x"), "lr": 20 * CONFIG.SOLVER.LR,
             "weight_decay": 0.0},
        ],
        momentum=CONFIG.SOLVER.MOMENTUM,
    )
    scheduler = PolynomialLR(optimizer=optimizer, step_size=CONFIG.SOLVER.LR_DECAY,
                             iter_max=CONFIG.SOLVER.ITER_MAX, power=CONFIG.SOLVER.POLY_POWER)
    criterion = nn.CrossEntropyLoss(ignore_index=CONFIG.DATASET.IGNORE_LABEL).to(device)

    model.train()
    model.freeze_bn()
    for iteration in tqdm(range(1, CONFIG.SOLVER.ITER_MAX + 1)):
        optimizer.zero_grad()
        try:
            images, labels = next(loader_iter)
        except StopIteration:
            loader_iter = iter(loader)
            images, labels = next(loader_iter)
        logits = model(images.to(device))
        labels = nn.functional.interpolate(labels.unsqueeze(1).float(), size=logits.shape[2:], mode="nearest")
        loss = criterion(logits, labels.squeeze(1).long().to(device))
        loss.backward()
        optimizer.step()
        scheduler.step(epoch=iteration)
        if iteration % CONFIG.SOLVER.ITER_SAVE == 0:
            torch.save(model.state_dict(), osp.join(CONFIG.MODEL.SAVE_DIR, "checkpoint_{}.pth".format(iteration)))


if __name__ == "__main__":
    train()
