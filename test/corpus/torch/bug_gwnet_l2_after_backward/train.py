# Idiom seen in: nnzhan/Graph-WaveNet train.py
# What it reproduces: argparse entry point; Adam's weight_decay is set to 0 and an explicit --l2_reg is meant to
# replace it, but engine.Trainer adds that term after backward().
import os
import time

import numpy as np
import torch

import util
from engine import Trainer
from model import GWNet


def main(args):
    device = torch.device(args.device)
    data = util.load_dataset(args.data, args.batch_size, args.batch_size, args.batch_size)
    scaler = data['scaler']
    aptinit, supports = util.make_graph_inputs(args, device)
    model = GWNet.from_args(args, device, supports, aptinit)
    model.to(device)
    engine = Trainer(model, scaler, args.learning_rate, args.weight_decay, l2_reg=args.l2_reg,
                     clip=args.clip, lr_decay_rate=args.lr_decay_rate)
    best = float('inf')
    for epoch in range(1, args.epochs + 1):
        train_loss = []
        data['train_loader'].shuffle()
        for it, (x, y) in enumerate(data['train_loader'].get_iterator()):
            trainx = torch.Tensor(x).to(device).transpose(1, 3)
            trainy = torch.Tensor(y).to(device).transpose(1, 3)
            mae, mape, rmse = engine.train(trainx, trainy[:, 0, :, :])
            train_loss.append(mae)
        engine.scheduler.step()
        valid = [engine.eval(torch.Tensor(x).to(device).transpose(1, 3),
                             torch.Tensor(y).to(device).transpose(1, 3)[:, 0, :, :])[0]
                 for x, y in data['val_loader'].get_iterator()]
        print(f'epoch {epoch}: train mae {np.mean(train_loss):.4f} valid mae {np.mean(valid):.4f}')
        if np.mean(valid) < best:
            best = np.mean(valid)
            torch.save(engine.model.state_dict(), os.path.join(args.save, 'best_model.pth'))


if __name__ == "__main__":
    parser = util.get_shared_arg_parser()
    parser.add_argument('--epochs', type=int, default=100)
    parser.add_argument('--clip', type=int, default=5)
    parser.add_argument('--weight_decay', type=float, default=0.0)
    parser.add_argument('--l2_reg', type=float, default=0.0001)
    parser.add_argument('--learning_rate', type=float, default=0.001)
    parser.add_argument('--lr_decay_rate', type=float, default=0.97)
    parser.add_argument('--save', type=str, default='experiment')
    args = parser.parse_args()
    os.makedirs(args.save, exist_ok=True)
    t1 = time.time()
    main(args)
    print(f"Total time spent: {(time.time() - t1) / 60:.2f} minutes")
