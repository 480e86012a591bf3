# Idiom seen in: valeoai/SP4ASC train.py
# Idiom seen in: valeoai/SP4ASC sp4asc/training.py
# What it reproduces: acoustic scene classification (DCASE) trained with torch.optim.AdamW([{"params":
#   net.parameters()}], weight_decay=config["weight_decay"]): the one group holds every parameter, so the
#   BatchNorm scales/shifts and the head bias are decayed too (WD203), as in the repository.
import os
import argparse

import torch
from torch.utils.data import DataLoader

from datasets import DCaseDataset, LogMelSpectrogram
from models import get_net
from training import TrainingManager


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="Training with mixup")
    parser.add_argument("--config", type=str, default="configs/example.py",
                        help="Path to config file describing training parameters")
    args = parser.parse_args()

    name_config = args.config.replace(".py", "").replace(os.path.sep, ".")
    config = __import__(name_config, fromlist=["config"]).config
    print("Config parameters:", config)

    path2log = config["out_dir"] + name_config
    os.makedirs(path2log, exist_ok=True)

    root = os.path.dirname(os.path.abspath(__file__)) + "/data/TAU-urban-acoustic-scenes-2020-mobile-development/"
    loader_train = DataLoader(DCaseDataset(root, split="train"), batch_size=config["batchsize"],
                              shuffle=True, pin_memory=True, num_workers=config["num_workers"], drop_last=True)
    loader_test = DataLoader(DCaseDataset(root, split="val"), batch_size=config["batchsize"],
                             shuffle=False, pin_memory=True, num_workers=config["num_workers"])

    spectrogram = LogMelSpectrogram()
    net = get_net[config["net"]](config["dropout"], config["specAugment"])
    print("Nb. of parameters at training time: ", net.get_nb_parameters() / 1e3, "k")

    optim = torch.optim.AdamW(
        [{"params": net.parameters()}],  # expect: WD203
        lr=config["lr"],
        weight_decay=config["weight_decay"],
    )
    scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optim, config["max_epoch"], eta_min=config["eta_min"])

    mng = TrainingManager(net, spectrogram, loader_train, loader_test, optim, scheduler, config, path2log)
    mng.train()
