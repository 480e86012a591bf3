# Idiom seen in: vmasrani/pytorch_sparse_collab_filt train.py
# Idiom seen in: vmasrani/pytorch_sparse_collab_filt model.py
# What it reproduces: collaborative filtering with a dotdict of args; with dense embeddings the user swaps SparseAdam
#   for SGD with momentum and weight_decay=1e-5 over model.parameters(). The model is two embedding tables and nothing
#   else (no biases, no norms), and lr*wd is tiny: a plain, correct L2 on the factors (clean).
from __future__ import division
from __future__ import print_function

import numpy as np
import torch

from utils import load_data, dotdict, train_test_split, make_data_loader


class MatrixFactorization(torch.nn.Module):
    def __init__(self, n_users, n_items, n_factors=20):
        super(MatrixFactorization, self).__init__()
        self.user_factors = torch.nn.Embedding(n_users, n_factors)
        self.item_factors = torch.nn.Embedding(n_items, n_factors)

    def forward(self, user, item):
        return (self.user_factors(user) * self.item_factors(item)).sum(1)


def main(args):
    """ Train collaborative filtering """
    np.random.seed(args.seed)
    torch.manual_seed(args.seed)

    R = load_data(args.dataset_str)
    n_users, n_items = R.shape
    R_train, R_test = train_test_split(R, test_size=args.test_size)
    train_loader = make_data_loader(R_train, batch_size=args.batch_size)
    test_loader = make_data_loader(R_test, batch_size=args.batch_size)

    model = MatrixFactorization(n_users, n_items, n_factors=args.n_latent)
    loss_func = torch.nn.MSELoss()
    optimizer = torch.optim.SGD(model.parameters(), lr=args.lr, momentum=args.momentum,
                                weight_decay=args.weight_decay)

    for i in range(args.num_epochs):
        train_loss, test_loss = 0.0, 0.0
        for row, col, rating in train_loader:
            prediction = model(row.long(), col.long())
            loss = loss_func(prediction, rating.float())
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            train_loss += loss.item()

        with torch.no_grad():
            for row, col, rating in test_loader:
                test_loss += loss_func(model(row.long(), col.long()), rating.float()).item()

        print('epoch: {}, train_loss: {}, test_loss: {}'.format(
            i + 1, train_loss / len(train_loader), test_loss / len(test_loader)))
    print('Finished Training!')


if __name__ == '__main__':
    args = dotdict()
    args.dataset_str = 'lastfm'
    args.seed = 0
    args.test_size = 0.2
    args.n_latent = 40
    args.num_epochs = 5
    args.batch_size = 1000
    args.lr = 1e-1
    args.momentum = 0.9
    args.weight_decay = 1e-5
    main(args)
