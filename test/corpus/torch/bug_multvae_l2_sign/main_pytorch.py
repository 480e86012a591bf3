# Idiom seen in: jrzaurin/RecoTour mult-vae/main_pytorch.py
# Idiom seen in: jrzaurin/RecoTour mult-vae/utils/parser.py
# What it reproduces: Mult-VAE training with KL annealing. User mistake in this idiom: the AdamW decay is
#   replaced by the TensorFlow original's explicit penalty on the weight matrices (neg_ELBO = neg_ll +
#   anneal * KL + 2 * reg), but the penalty is subtracted from the loss, so the optimizer grows the weights
#   (WD302 at the subtraction). The KL term squares latents, not weights.
import argparse

import numpy as np
import torch
import torch.nn.functional as F
from tqdm import trange

from pytorch_models import MultiVAE
from utils.data_loader import DataLoader

use_cuda = torch.cuda.is_available()
device = torch.device("cuda" if use_cuda else "cpu")


def parse_args():
    parser = argparse.ArgumentParser(description="Run Mult-VAE.")
    parser.add_argument("--dataset", type=str, default="amazon")
    parser.add_argument("--p_dims", type=str, default="[200, 600]")
    parser.add_argument("--dropout_enc", type=str, default="[0.5, 0.0]")
    parser.add_argument("--lr", type=float, default=1e-3)
    parser.add_argument("--lam", type=float, default=0.01, help="l2 reg. on the weight matrices")
    parser.add_argument("--batch_size", type=int, default=500)
    parser.add_argument("--n_epochs", type=int, default=200)
    parser.add_argument("--anneal_cap", type=float, default=0.2)
    parser.add_argument("--total_anneal_steps", type=int, default=200000)
    return parser.parse_args()


def weight_l2(model):
    return sum(param.pow(2).sum() for name, param in model.named_parameters() if "weight" in name)


def vae_loss_fn(model, inp, out, mu, logvar, anneal, lam):
    neg_ll = -torch.mean(torch.sum(F.log_softmax(out, 1) * inp, -1))
    KLD = -0.5 * torch.mean(torch.sum(1 + logvar - mu.pow(2) - logvar.exp(), dim=1))
    return neg_ll + anneal * KLD - 2 * lam * weight_l2(model)  # expect: WD302


def train_step(model, optimizer, data, args, update_count):
    model.train()
    N = data.shape[0]
    idxlist = list(range(N))
    np.random.shuffle(idxlist)
    running_loss = 0.0
    with trange(len(range(0, N, args.batch_size))) as t:
        for batch_idx, start_idx in zip(t, range(0, N, args.batch_size)):
            end_idx = min(start_idx + args.batch_size, N)
            X_inp = torch.FloatTensor(data[idxlist[start_idx:end_idx]].toarray()).to(device)
            anneal = min(args.anneal_cap, update_count / args.total_anneal_steps)
            update_count += 1
            optimizer.zero_grad()
            X_out, mu, logvar = model(X_inp)
            loss = vae_loss_fn(model, X_inp, X_out, mu, logvar, anneal, args.lam)
            loss.backward()
            optimizer.step()
            running_loss += loss.item()
            t.set_postfix(loss=running_loss / (batch_idx + 1))
    return update_count


if __name__ == "__main__":
    args = parse_args()
    data_loader = DataLoader("data/" + args.dataset)
    n_items = data_loader.n_items
    train_data = data_loader.load_data("train")
    p_dims = eval(args.p_dims) + [n_items]
    model = MultiVAE(p_dims, dropout_enc=eval(args.dropout_enc)[0]).to(device)
    optimizer = torch.optim.Adam(model.parameters(), lr=args.lr)
    update_count = 0
    for epoch in range(args.n_epochs):
        update_count = train_step(model, optimizer, train_data, args, update_count)
