# Idiom seen in: bohyunshin/recommender recommender/pipeline/torch.py
# Idiom seen in: bohyunshin/recommender recommender/model/mf/svd.py
# What it reproduces: the repo's SGD pipeline for the bias-free SVD model with the L2 moved from the loss into
#   SGD(model.parameters(), weight_decay=1e-4) (user variant): MSE is backpropagated and the two embedding tables are
#   decayed once (lr*wd = 1e-6). Clean: no biases or norms in the model, no second penalty.
import argparse
import copy
import logging

import torch
import torch.nn.functional as F
from torch import optim

from svd import Model
from data_loader import load_movielens, get_train_validation_data


def parse_args():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dataset", type=str, default="movielens")
    parser.add_argument("--lr", type=float, default=1e-2)
    parser.add_argument("--regularization", type=float, default=1e-4)
    parser.add_argument("--batch_size", type=int, default=128)
    parser.add_argument("--num_factors", type=int, default=64)
    parser.add_argument("--epochs", type=int, default=30)
    parser.add_argument("--device", type=str, default="cpu")
    return parser.parse_args()


def run(args):
    data = load_movielens(args.dataset)
    train_dataloader, validation_dataloader = get_train_validation_data(data, batch_size=args.batch_size)
    model = Model(num_users=data["num_users"], num_items=data["num_items"],
                  num_factors=args.num_factors).to(args.device)
    optimizer = optim.SGD(model.parameters(), lr=args.lr, weight_decay=args.regularization)

    best_loss, best_weights = float("inf"), None
    for epoch in range(args.epochs):
        model.train()
        tr_loss = 0.0
        for user_id, item_id, y_train in train_dataloader:
            optimizer.zero_grad()
            y_pred = model(user_id, item_id)
            loss = F.mse_loss(y_pred, y_train.squeeze().to(args.device))
            loss.backward()
            optimizer.step()
            tr_loss += loss.item()
        model.eval()
        with torch.no_grad():
            val_loss = sum(F.mse_loss(model(u, i), y.squeeze()).item()
                           for u, i, y in validation_dataloader) / len(validation_dataloader)
        logging.info(f"epoch {epoch}: train {tr_loss / len(train_dataloader):.6f} / validation {val_loss:.6f}")
        if val_loss < best_loss:
            best_loss, best_weights = val_loss, copy.deepcopy(model.state_dict())
    return model, best_weights


if __name__ == "__main__":
    run(parse_args())
