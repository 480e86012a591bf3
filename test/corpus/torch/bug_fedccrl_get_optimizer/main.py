# Idiom seen in: sunnyinAI/FedCCRL utils/optimizers.py
# What it reproduces: a get_optimizer(model, args) factory for federated clients that hands all of
# model.parameters() (ResNet with BatchNorm) to SGD or Adam with args.weight_decay: decay on biases/BN
# in both branches, and coupled L2 under Adam (the default optimizer here).
import argparse
import copy

import torch
import torch.nn as nn
from torchvision.models import resnet18

from data.partition_data import get_client_loaders
from utils.optimizers import get_optimizer


def parse_args():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dataset", type=str, default="pacs")
    parser.add_argument("--num_clients", type=int, default=3)
    parser.add_argument("--rounds", type=int, default=40)
    parser.add_argument("--local_epochs", type=int, default=1)
    parser.add_argument("--optimizer", type=str, default="adam", choices=["sgd", "adam"])
    parser.add_argument("--lr", type=float, default=1e-3)
    parser.add_argument("--momentum", type=float, default=0.9)
    parser.add_argument("--weight_decay", type=float, default=5e-4)
    return parser.parse_args()


def local_train(model, loader, args, device):
    model.train()
    optimizer = get_optimizer(model, args)
    criterion = nn.CrossEntropyLoss()
    for _ in range(args.local_epochs):
        for x, y in loader:
            x, y = x.to(device), y.to(device)
            optimizer.zero_grad()
            loss = criterion(model(x), y)
            loss.backward()
            optimizer.step()
    return model.state_dict()


def fedavg(states):
    avg = copy.deepcopy(states[0])
    for k in avg:
        avg[k] = torch.stack([s[k].float() for s in states]).mean(0).to(avg[k].dtype)
    return avg


def main():
    args = parse_args()
    device = "cuda" if torch.cuda.is_available() else "cpu"
    global_model = resnet18(num_classes=7).to(device)
    loaders = get_client_loaders(args.dataset, args.num_clients)
    for rnd in range(args.rounds):
        states = []
        for cid in range(args.num_clients):
            client = copy.deepcopy(global_model)
            states.append(local_train(client, loaders[cid], args, device))
        global_model.load_state_dict(fedavg(states))
        print("round", rnd, "done")


if __name__ == "__main__":
    main()
