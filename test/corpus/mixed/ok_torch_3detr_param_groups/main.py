# Idiom seen in: facebookresearch/3detr main.py (make_args_parser with --base_lr 5e-4 / --weight_decay 0.1 / --clip_gradient 0.1, build_dataset, build_model(args, dataset_config), build_criterion, build_optimizer(args, model_no_ddp); its train_one_epoch loop is inlined here)
# What it reproduces: the script side of the factory: args flow from argparse into build_optimizer in another module; the criterion's loss is what gets backpropagated. Clean.
import argparse
import math

import torch

from datasets import build_dataset  # not in this folder
from criterion import build_criterion  # not in this folder
from models import build_model  # not in this folder
from optimizer import build_optimizer


def make_args_parser():
    parser = argparse.ArgumentParser("3D Detection Using Transformers", add_help=False)
    parser.add_argument("--base_lr", default=5e-4, type=float)
    parser.add_argument("--final_lr", default=1e-6, type=float)
    parser.add_argument("--weight_decay", default=0.1, type=float)
    parser.add_argument("--clip_gradient", default=0.1, type=float)
    parser.add_argument("--max_epoch", default=720, type=int)
    parser.add_argument("--batchsize_per_gpu", default=8, type=int)
    parser.add_argument("--dataset_name", default="scannet", type=str)
    return parser


def adjust_learning_rate(args, optimizer, curr_epoch):
    lr = args.final_lr + 0.5 * (args.base_lr - args.final_lr) * (
        1 + math.cos(math.pi * curr_epoch / args.max_epoch))
    for group in optimizer.param_groups:
        group["lr"] = lr
    return lr


def main(args):
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    datasets, dataset_config = build_dataset(args)
    model, _ = build_model(args, dataset_config)
    criterion = build_criterion(args, dataset_config)
    model = model.to(device)
    optimizer = build_optimizer(args, model)

    loader = torch.utils.data.DataLoader(datasets["train"], batch_size=args.batchsize_per_gpu,
                                         shuffle=True, num_workers=4)
    for epoch in range(args.max_epoch):
        curr_lr = adjust_learning_rate(args, optimizer, epoch)
        model.train()
        for batch in loader:
            batch = {k: v.to(device) for k, v in batch.items()}
            outputs = model(batch)
            loss, loss_dict = criterion(outputs, batch)
            optimizer.zero_grad()
            loss.backward()
            if args.clip_gradient > 0:
                torch.nn.utils.clip_grad_norm_(model.parameters(), args.clip_gradient)
            optimizer.step()
        print(f"epoch {epoch} lr {curr_lr:.2e} loss {loss.item():.4f}")


if __name__ == "__main__":
    parser = make_args_parser()
    main(parser.parse_args())
