# Idiom seen in: PatrickHua/SimSiam main.py
# What it reproduces: the pretraining script wraps SimSiam in DistributedDataParallel (so parameter names
#   start with 'module.') and asks get_optimizer('sgd', model, ..., weight_decay=5e-4); the decay lands on
#   all BatchNorm and bias parameters through the name-split groups (finding reported in optimizers/).
import argparse
import os

import torch
from tqdm import tqdm

from augmentations import get_aug
from datasets import get_dataset
from models.simsiam import SimSiam
from optimizers import get_optimizer, LR_Scheduler


def get_args():
    parser = argparse.ArgumentParser()
    parser.add_argument('--dataset', default='cifar10')
    parser.add_argument('--data_dir', default='./data')
    parser.add_argument('--output_dir', default='./outputs')
    parser.add_argument('--batch_size', type=int, default=512)
    parser.add_argument('--num_epochs', type=int, default=800)
    parser.add_argument('--optimizer', default='sgd', choices=['sgd', 'lars'])
    parser.add_argument('--base_lr', type=float, default=0.03)
    parser.add_argument('--final_lr', type=float, default=0.0)
    parser.add_argument('--warmup_epochs', type=int, default=10)
    parser.add_argument('--warmup_lr', type=float, default=0.0)
    parser.add_argument('--momentum', type=float, default=0.9)
    parser.add_argument('--weight_decay', type=float, default=0.0005)
    parser.add_argument('--local_rank', type=int, default=-1)
    parser.add_argument('--device', default='cuda')
    return parser.parse_args()


def main(args):
    train_set = get_dataset(args.dataset, args.data_dir, transform=get_aug('simsiam', 32, True), train=True)
    train_loader = torch.utils.data.DataLoader(train_set, batch_size=args.batch_size, shuffle=True,
                                               num_workers=8, pin_memory=True, drop_last=True)

    model = SimSiam().to(args.device)
    if args.local_rank >= 0:
        torch.cuda.set_device(args.local_rank)
        torch.distributed.init_process_group(backend="nccl", init_method="env://")
        model = torch.nn.SyncBatchNorm.convert_sync_batchnorm(model)
        model = torch.nn.parallel.DistributedDataParallel(model, device_ids=[args.local_rank],
                                                          output_device=args.local_rank)

    optimizer = get_optimizer(
        args.optimizer, model,
        lr=args.base_lr * args.batch_size / 256,
        momentum=args.momentum,
        weight_decay=args.weight_decay)

    lr_scheduler = LR_Scheduler(optimizer, args.warmup_epochs, args.warmup_lr * args.batch_size / 256,
                                args.num_epochs, args.base_lr * args.batch_size / 256,
                                args.final_lr * args.batch_size / 256, len(train_loader))

    for epoch in tqdm(range(args.num_epochs), desc='Training'):
        model.train()
        for (images1, images2), _ in train_loader:
            model.zero_grad()
            loss = model.forward(images1.to(args.device), images2.to(args.device))
            loss.backward()
            optimizer.step()
            lr_scheduler.step()

    os.makedirs(args.output_dir, exist_ok=True)
    torch.save({'state_dict': model.state_dict()}, os.path.join(args.output_dir, 'simsiam.pth'))


if __name__ == "__main__":
    main(args=get_args())
