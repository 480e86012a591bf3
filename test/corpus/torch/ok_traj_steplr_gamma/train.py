# Idiom seen in: rollingstonezz/kdd24_semantic_trajectory train.py
# What it reproduces: the flags --weight_decay (0.9) and --weight_decay_step_size (50) are, despite their names,
#   the StepLR gamma and step of the learning-rate schedule; Adam gets no weight_decay at all. Clean: no decay
#   is configured anywhere, and 0.9 is a learning-rate factor, not an L2 coefficient.
import argparse
import json
import logging
import os
import time

import numpy as np
import torch
import torch.nn.functional as F
from torch.optim.lr_scheduler import StepLR
from torch.utils.data import DataLoader

from contrastive_model import ContrastiveModel
from data import TrajDailyDataset


def compute_flag(dayofweek):
    onehot_dayofweek = F.one_hot(dayofweek).float()
    inner_flag = torch.bmm(onehot_dayofweek, onehot_dayofweek.permute((0, 2, 1)))
    return inner_flag, 1 - inner_flag


def ContrastiveLoss(encoding, inner_flag, inter_flag, args, criterion, if_normalize=True):
    encoding = encoding.view(args.batch_size, -1, args.max_daily_seq, args.output_dim).sum(dim=-2)
    if if_normalize:
        encoding = F.normalize(encoding, p=2.0, dim=-1)
    inner_crossproduct = torch.bmm(encoding, encoding.permute((0, 2, 1)))
    inter_crossproduct = torch.bmm(encoding, torch.roll(encoding, 1, dims=0).permute((0, 2, 1)))
    logits = inner_flag * inner_crossproduct + inter_flag * inter_crossproduct
    return criterion(logits, inner_flag.float()) / args.batch_size


def get_args():
    parser = argparse.ArgumentParser()
    parser.add_argument('--data_path', type=str, default='./data')
    parser.add_argument('--save_path', type=str, default='./models')
    parser.add_argument('--encoder_type', type=str, default='mlp')
    parser.add_argument('--device', type=str, default='cuda:0')
    parser.add_argument('--max_daily_seq', type=int, default=32)
    parser.add_argument('--batch_size', type=int, default=512)
    parser.add_argument('--input_dim', type=int, default=64)
    parser.add_argument('--hidden_dim', type=int, default=64)
    parser.add_argument('--output_dim', type=int, default=64)
    parser.add_argument('--num_layers', type=int, default=4)
    parser.add_argument('--num_epochs', type=int, default=500)
    parser.add_argument('--lr', type=float, default=3e-4)
    parser.add_argument('--weight_decay_step_size', type=int, default=50)
    parser.add_argument('--weight_decay', type=float, default=0.9)
    return parser.parse_args()


def train(args):
    train_dataset = TrajDailyDataset(data_path=args.data_path, train=True, max_daily_seq=args.max_daily_seq)
    train_loader = DataLoader(train_dataset, batch_size=args.batch_size, shuffle=True, drop_last=True)
    save_dir = os.path.join(args.save_path, args.encoder_type)
    os.makedirs(save_dir, exist_ok=True)
    with open(os.path.join(save_dir, 'model_args.json'), 'w') as f:
        json.dump(vars(args), f, indent=4)

    model = ContrastiveModel(args.input_dim, args.hidden_dim, args.output_dim, args.num_layers, args.encoder_type)
    optimizer = torch.optim.Adam(model.parameters(), lr=args.lr)
    scheduler = StepLR(optimizer, step_size=args.weight_decay_step_size, gamma=args.weight_decay)
    device = torch.device(args.device) if torch.cuda.is_available() else torch.device("cpu")
    model = model.to(device)
    criterion = torch.nn.CrossEntropyLoss()

    logging.basicConfig(filename=os.path.join(save_dir, 'training.log'), level=logging.INFO)
    model.train()
    for epoch in range(args.num_epochs):
        traj_loss_list, type_loss_list = [], []
        time1 = time.perf_counter()
        for ids, type_tensor, traj_tensor, attention_mask, dayofweek in train_loader:
            type_tensor = type_tensor.to(device).flatten(start_dim=1, end_dim=2)
            traj_tensor = traj_tensor.to(device).flatten(start_dim=1, end_dim=2)
            traj_encoding, type_encoding = model(traj_tensor, type_tensor)
            inner_flag, inter_flag = compute_flag(dayofweek.to(device))
            traj_loss = ContrastiveLoss(traj_encoding, inner_flag, inter_flag, args, criterion)
            type_loss = ContrastiveLoss(type_encoding, inner_flag, inter_flag, args, criterion)
            traj_loss_list.append(float(traj_loss))
            type_loss_list.append(float(type_loss))
            loss = traj_loss + type_loss
            loss.backward()
            optimizer.step()
            optimizer.zero_grad()
        logging.info("Epoch:{:03d}, traj_loss={:.4f}, type_loss={:.4f}, time={:.4f}".format(
            epoch, np.mean(traj_loss_list), np.mean(type_loss_list), time.perf_counter() - time1))
        scheduler.step()
    torch.save(model.state_dict(), os.path.join(save_dir, 'model.pt'))


if __name__ == "__main__":
    train(get_args())
