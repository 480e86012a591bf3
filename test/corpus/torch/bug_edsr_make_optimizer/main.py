# Idiom seen in: sanghyun-son/EDSR-PyTorch src/utility.py
# What it reproduces: the EDSR training entry point: options -> model -> utility.make_optimizer(args, model),
# then an L1 super-resolution loop; the decay comes only from the optimizer (see utility.py).
import torch
import torch.nn as nn

import utility
from model import EDSR
from option import args
from data import Data  # DIV2K patch loader, not part of this workspace


def main():
    torch.manual_seed(1)
    device = torch.device('cpu' if args.cpu else 'cuda')
    loader = Data(args)
    model = EDSR(args).to(device)
    optimizer = utility.make_optimizer(args, model)
    scheduler = utility.make_scheduler(args, optimizer)
    criterion = nn.L1Loss()

    for epoch in range(1, args.epochs + 1):
        model.train()
        for batch, (lr, hr, _) in enumerate(loader.loader_train):
            lr, hr = lr.to(device), hr.to(device)
            optimizer.zero_grad()
            sr = model(lr)
            loss = criterion(sr, hr)
            loss.backward()
            if args.gclip > 0:
                nn.utils.clip_grad_value_(model.parameters(), args.gclip)
            optimizer.step()
            if batch % 100 == 0:
                print('[Epoch {}] [{}/{}] L1: {:.4f}'.format(
                    epoch, batch * args.batch_size, len(loader.loader_train.dataset), loss.item()))
        scheduler.step()
        torch.save(model.state_dict(), 'model_latest.pt')


if __name__ == '__main__':
    main()
