# Idiom seen in: pcsl-epfl/regressionsphere train.py, main.py
# What it reproduces: full-batch gradient descent where the penalty enters through the in-place
# regularize(ltr, f, args) call before ltr.backward(); the optimizer itself has weight_decay=0. Clean.
import argparse
import copy

import torch
import torch.optim as optim

from loss import MSELoss, regularize
from dataset import init_dataset  # not part of this folder
from arch import FC  # not part of this folder

device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
torch.set_default_dtype(torch.float64)


def train(args):
    args.device = device
    xtr, ytr, xte, yte = init_dataset(args)

    torch.manual_seed(args.netseed)
    f = FC(args.h, args.d, bias=args.bias).to(device)
    f0 = copy.deepcopy(f)

    alpha = args.alpha
    loss = MSELoss(alpha=alpha)
    optimizer = optim.SGD(f.parameters(), lr=args.lr * args.h, weight_decay=0)

    def F(x):
        return alpha * (f(x) - f0(x))

    dynamics = []
    for epoch in range(args.maxstep):
        optimizer.zero_grad()
        ltr = loss(F(xtr), ytr)
        regularize(ltr, f, args)
        ltr.backward()
        optimizer.step()

        if (epoch + 1) % args.log_every == 0:
            with torch.no_grad():
                lte = alpha * loss(F(xte), yte).item()
            ltr_val = alpha * ltr.detach().item()
            print(f"Epoch {epoch + 1} / {args.maxstep}  tr_loss {ltr_val:.02e}  te_loss {lte:.02e}")
            dynamics.append([epoch + 1, ltr_val, lte])
    return {"args": args, "dynamics": dynamics, "f": copy.deepcopy(f.state_dict())}


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--d", type=int, default=5)
    parser.add_argument("--h", type=int, default=1000)
    parser.add_argument("--bias", type=int, default=0)
    parser.add_argument("--alpha", type=float, default=1.0)
    parser.add_argument("--lr", type=float, default=0.1)
    parser.add_argument("--reg", type=str, default="l2", choices=["l1", "l2", "none"])
    parser.add_argument("--l", type=float, default=1e-3, help="regularization strength lambda")
    parser.add_argument("--maxstep", type=int, default=100000)
    parser.add_argument("--log_every", type=int, default=1000)
    parser.add_argument("--netseed", type=int, default=0)
    parser.add_argument("--pickle", type=str, required=True)
    args = parser.parse_args()
    torch.save(train(args), args.pickle)
