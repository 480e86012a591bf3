# Idiom seen in: c7w/sast2022-pytorch-training utils/experiment.py
# What it reproduces: the template's train/eval helpers; the loss that is backpropagated is the bare cross entropy,
#   so the only decay in the program is the optimizer's weight_decay chosen in main.py.
import os
import random
import time

import numpy as np
import torch
from torch.utils.data import DataLoader
from tqdm import tqdm

from datasets.dataset_landscape import LandScapeDataset


def initiate_environment(args):
    torch.manual_seed(args.rng_seed)
    torch.cuda.manual_seed_all(args.rng_seed)
    np.random.seed(args.rng_seed)
    random.seed(args.rng_seed)


def get_loader(args):
    val_dataset = LandScapeDataset("val")
    val_dataloader = DataLoader(val_dataset, shuffle=False, num_workers=args.num_workers,
                                batch_size=args.batch_size)
    dataset = LandScapeDataset(args.mode)
    dataloader = DataLoader(dataset, shuffle=(args.mode == "train"), num_workers=args.num_workers,
                            batch_size=args.batch_size)
    return dataloader, val_dataloader


def save_model(args, model, optimizer, epoch="last"):
    os.makedirs(os.path.join(args.save_path, args.task_name), exist_ok=True)
    checkpoint = {"config": args, "model": model.state_dict(), "optimizer": optimizer.state_dict()}
    torch.save(checkpoint, os.path.join(args.save_path, args.task_name, f"ckpt_epoch_{epoch}.pth"))


def load_model(args, model, optimizer):
    checkpoint = torch.load(args.checkpoint_path)
    model.load_state_dict(checkpoint["model"])
    optimizer.load_state_dict(checkpoint["optimizer"])


def train_one_epoch(epoch, train_loader, args, model, criterion, optimizer, stat_dict):
    model.train()
    start_time = time.time()
    print(f"==> [Epoch {epoch + 1}] Starting Training...")
    for train_idx, train_data in tqdm(enumerate(train_loader), total=len(train_loader)):
        train_input, train_label = train_data["image"].to(args.device), train_data["label"].to(args.device)
        pred_label = model(train_input)

        optimizer.zero_grad()
        loss = criterion(pred_label.reshape(-1, 2), train_label.reshape(-1).long())
        loss.backward()
        optimizer.step()

        if train_idx % args.print_freq == 0:
            stat_dict["train/loss"].append(loss.detach().item())
            tqdm.write(f"[Epoch {epoch + 1} / {args.max_epoch}] [Batch {train_idx + 1}] Loss {loss:.4f}")
    print(f"==> [Epoch {epoch + 1}] Finished in {((time.time() - start_time) / 60):.2f} minutes.")


def evaluate_one_epoch(loader, args, model, criterion=None, save_name=None):
    model.eval()
    results, ground_truths = [], []
    with torch.no_grad():
        for data in loader:
            pred = model(data["image"].to(args.device))
            results.append(pred.cpu().numpy())
            if "label" in data:
                ground_truths.append(data["label"].cpu().numpy())
    results = [result.argmax(axis=-1) for result in results]
    if criterion == "acc":
        correct = sum((r == g).all(axis=-1).sum() for r, g in zip(results, ground_truths))
        total = sum(len(g) for g in ground_truths)
        print(f"==> [Eval] Current accuracy: {(100.0 * correct / max(total, 1)):.2f}%")
    return results
