# Idiom seen in: jianjianGJ/RepulsionGNN main.py
# What it reproduces: Adam with two parameter groups, dict(params=model.reg_modules.parameters(),
#   weight_decay=args.reg_weight_decay) and the last conv undecayed: the decaying group is coupled L2
#   under Adam (WD202) and holds conv biases and BatchNorm weights (WD203).
import argparse
import time

import numpy as np
import torch
from tqdm import tqdm

from data_utils import load_data
from models import GCN
from parameters import set_args
from utils import compute_micro_f1, custom_loss_function, seed


def train(model, adj_t, x, y, train_mask, optimizer):
    model.train()
    optimizer.zero_grad()
    out = model(x, adj_t)
    loss = custom_loss_function(out[train_mask], y[train_mask])
    loss.backward()
    optimizer.step()
    return loss.detach()


@torch.no_grad()
def inference(model, adj_t, x):
    model.eval()
    return model(x, adj_t)


def run(args, adj_t, x, y, train_mask, val_mask, n_running, n_feats, n_classes, device):
    seed(n_running)
    model = GCN(in_channels=n_feats, out_channels=n_classes, rsl=args.rsl, **args.architecture).to(device)
    optimizer = torch.optim.Adam([
        dict(params=model.reg_modules.parameters(), weight_decay=args.reg_weight_decay),  # expect: WD202, WD203
        dict(params=model.nonreg_modules.parameters(), weight_decay=args.nonreg_weight_decay)
    ], lr=args.lr)

    best_val_acc, best_out, total_time = 0, None, 0.0
    for epoch in tqdm(range(1, args.epochs + 1), desc=f'running {n_running}', ncols=80):
        tic = time.time()
        train(model, adj_t, x, y, train_mask, optimizer)
        total_time += time.time() - tic
        out = inference(model, adj_t, x)
        val_acc = compute_micro_f1(out, y, val_mask)
        if val_acc > best_val_acc:
            best_val_acc, best_out = val_acc, out.detach().cpu()
    return best_out, total_time / args.epochs


def main():
    parser = argparse.ArgumentParser('GCN', formatter_class=argparse.ArgumentDefaultsHelpFormatter)
    parser.add_argument('--gpu', type=int, default=0)
    parser.add_argument('--n-runs', type=int, default=1)
    parser.add_argument('--epochs', type=int, default=500)
    parser.add_argument('--dataset', type=str, default='arxiv')
    args = parser.parse_args()
    set_args(args)

    device = torch.device(f'cuda:{args.gpu}' if torch.cuda.is_available() else 'cpu')
    data, n_feats, n_classes = load_data(args.dataset)
    adj_t, x, y = data.adj_t.to(device), data.x.to(device), data.y.to(device)
    accs = []
    for n_running in range(1, args.n_runs + 1):
        best_out, _ = run(args, adj_t, x, y, data.train_mask.to(device), data.val_mask.to(device),
                          n_running, n_feats, n_classes, device)
        pred = best_out.argmax(dim=-1)
        test_mask = data.test_mask.cpu()
        accs.append(int(pred[test_mask].eq(y.cpu()[test_mask]).sum()) / int(test_mask.sum()))
    print(f'mean={np.mean(accs) * 100:.2f} std={np.std(accs) * 100:.2f}')


if __name__ == '__main__':
    main()
