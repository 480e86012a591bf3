# Idiom seen in: nance97/NLUProject 257021_Nancy_Kalaj/LM/part_A/main.py
# What it reproduces: the optimizer switch of main.py (SGD or AdamW from the experiment dict), with the SGD
# branch changed by the user to pass the config's weight_decay as well; with exp6 plain SGD runs at
# lr*wd = 1.0 on every parameter, biases included.
import argparse
import copy
import math

import torch
import torch.nn as nn
import torch.optim as optim

from config_exp6 import CFG
from model import build_model
from utils import read_file, Lang, PennTreebank, make_loader, DEVICE


def train_loop(loader, model, optimizer, criterion, clip=5.0):
    model.train()
    loss_array, number_of_tokens = [], []
    for sample in loader:
        optimizer.zero_grad()
        output = model(sample['source'])
        loss = criterion(output, sample['target'])
        loss_array.append(loss.item() * sample["number_tokens"])
        number_of_tokens.append(sample["number_tokens"])
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), clip)
        optimizer.step()
    return sum(loss_array) / sum(number_of_tokens)


def eval_loop(loader, model, criterion):
    model.eval()
    loss_array, number_of_tokens = [], []
    with torch.no_grad():
        for sample in loader:
            output = model(sample['source'])
            loss_array.append(criterion(output, sample['target']).item() * sample["number_tokens"])
            number_of_tokens.append(sample["number_tokens"])
    return math.exp(sum(loss_array) / sum(number_of_tokens))


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--epochs", type=int, default=100)
    args = parser.parse_args()
    cfg = CFG

    train_raw = read_file("dataset/PennTreeBank/ptb.train.txt")
    dev_raw = read_file("dataset/PennTreeBank/ptb.valid.txt")
    lang = Lang(train_raw, special_tokens=["<pad>", "<eos>"])
    pad_idx = lang.word2id["<pad>"]
    loader_train = make_loader(PennTreebank(train_raw, lang), batch_size=64, pad_token=pad_idx, shuffle=True)
    loader_dev = make_loader(PennTreebank(dev_raw, lang), batch_size=128, pad_token=pad_idx)

    model = build_model(cfg, len(lang.word2id), pad_idx).to(DEVICE)

    if cfg["optimizer"] == "SGD":
        optimizer = optim.SGD(model.parameters(), lr=cfg["lr"],  # expect: WD203
                              weight_decay=cfg.get("weight_decay", 0.0))
    elif cfg["optimizer"] == "AdamW":
        optimizer = optim.AdamW(
            model.parameters(),
            lr=cfg["lr"],
            weight_decay=cfg.get("weight_decay", 0.0)
        )
    else:
        raise ValueError(f"Unknown optimizer {cfg['optimizer']}")

    criterion_train = nn.CrossEntropyLoss(ignore_index=pad_idx)
    criterion_dev = nn.CrossEntropyLoss(ignore_index=pad_idx, reduction='sum')
    best_ppl, best_model, patience = float("inf"), None, 3
    for epoch in range(1, args.epochs + 1):
        train_loss = train_loop(loader_train, model, optimizer, criterion_train, clip=5.0)
        dev_ppl = eval_loop(loader_dev, model, criterion_dev)
        print(f"Epoch {epoch}: train loss {train_loss:.3f} dev PPL = {dev_ppl:.2f}")
        if dev_ppl < best_ppl:
            best_ppl, best_model, patience = dev_ppl, copy.deepcopy(model), 3
        else:
            patience -= 1
            if patience <= 0:
                break
    torch.save(best_model.state_dict(), "bin/exp6_best_model.pt")
