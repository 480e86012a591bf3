# Idiom seen in: jrzaurin/RecoTour neural_graph_cf/run.py
# Idiom seen in: jrzaurin/RecoTour neural_graph_cf/ngcf.py
# What it reproduces: the training loop calls loss = model(u, i, j) and backpropagates it; the optimizers are
#   built without weight_decay, so the L2 term the forward adds (when --reg > 0) is the only decay, and it is
#   in the minimized loss. A --reg default of 0 is a run option, not dead code: clean.
import torch
from torch.optim.lr_scheduler import ReduceLROnPlateau

from parser import parse_args
from ngcf import NGCF, BPR
from load_data import Data

use_cuda = torch.cuda.is_available()


def train(model, data_generator, optimizer):
    model.train()
    n_batch = data_generator.n_train // data_generator.batch_size + 1
    running_loss = 0
    for _ in range(n_batch):
        u, i, j = data_generator.sample()
        optimizer.zero_grad()
        loss = model(u, i, j)
        loss.backward()
        optimizer.step()
        running_loss += loss.item()
    return running_loss


if __name__ == '__main__':
    args = parse_args()
    data_generator = Data(path=args.data_dir + args.dataset, batch_size=args.batch_size)
    n_users, n_items = data_generator.n_users, data_generator.n_items
    if args.model == 'ngcf':
        adj_mtx = data_generator.get_normalized_adj_tensor()
        model = NGCF(n_users, n_items, args.emb_dim, eval(args.layers), args.reg,
                     eval(args.mess_dropout), adj_mtx)
    else:
        model = BPR(n_users, n_items, args.emb_dim, args.reg)
    if use_cuda:
        model = model.cuda()

    if args.optimizer.lower() == "adam":
        optimizer = torch.optim.Adam(model.parameters(), lr=args.lr)
    elif args.optimizer.lower() == "radam":
        optimizer = torch.optim.RAdam(model.parameters(), lr=args.lr)
    else:
        raise ValueError("unknown optimizer {}".format(args.optimizer))
    scheduler = ReduceLROnPlateau(optimizer, mode="max", patience=2)

    for epoch in range(args.n_epochs):
        loss = train(model, data_generator, optimizer)
        if epoch % args.print_every == (args.print_every - 1):
            print("Epoch:{} Loss = {:.4f}".format(epoch, loss))
