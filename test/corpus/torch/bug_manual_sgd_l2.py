# Idiom seen in: repository not resolved by the code index (index file id 19724056818: `train_step(model, criterion, X, y, learning_rate, lmbda)` with a hand-written L2 over model.parameters() and a manual `p.data -= learning_rate * p.grad` update)
# What it reproduces: hand-rolled SGD with an explicit L2 penalty; the penalised total is only returned for the progress print, while backward() is called on the data loss, so the penalty never produces a gradient. Bug (WD104).
import argparse

import torch
import torch.nn as nn

from utils.data import load_tabular


def train_step(model, criterion, X, y, learning_rate, lmbda):
    for p in model.parameters():
        p.grad = None

    y_pred = model(X).squeeze()
    data_loss = criterion(y_pred, y)

    l2_reg = None
    for W in model.parameters():
        if l2_reg is None:
            l2_reg = W.pow(2).sum()
        else:
            l2_reg = l2_reg + W.pow(2).sum()
    penalty = lmbda * l2_reg  # expect: WD104

    loss = data_loss + penalty
    data_loss.backward()

    with torch.no_grad():
        for p in model.parameters():
            p -= learning_rate * p.grad

    return loss.item()


def train(X_train, y_train, model, criterion, learning_rate, l2_lambda, device,
          batch_size=64, epochs=10, logs=False):
    model.train()
    n_batches = max(X_train.shape[0] // batch_size, 1)
    losses = []
    for epoch in range(epochs):
        permutation = torch.randperm(X_train.shape[0])
        data_X, data_y = X_train[permutation], y_train[permutation]
        total_loss = 0.0
        for batch in range(n_batches):
            start, end = batch * batch_size, (batch + 1) * batch_size
            X_batch = data_X[start:end].to(device)
            y_batch = data_y[start:end].to(device)
            total_loss += train_step(model, criterion, X_batch, y_batch, learning_rate, l2_lambda)
        if logs and ((epoch + 1) % 10 == 0 or epoch == 0):
            print(f"Epoch {epoch + 1}/{epochs}:", total_loss / n_batches)
        losses.append(total_loss / n_batches)
    return losses


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--lr", type=float, default=0.05)
    parser.add_argument("--l2", type=float, default=1e-3)
    parser.add_argument("--epochs", type=int, default=100)
    args = parser.parse_args()

    X_train, y_train, X_val, y_val = load_tabular("data/heart.csv")
    model = nn.Sequential(nn.Linear(X_train.shape[1], 32), nn.ReLU(), nn.Linear(32, 1))
    criterion = nn.BCEWithLogitsLoss()
    losses = train(X_train, y_train, model, criterion, args.lr, args.l2, "cpu",
                   epochs=args.epochs, logs=True)
    with torch.no_grad():
        val_acc = ((model(X_val).squeeze() > 0).float() == y_val).float().mean().item()
    print(f"final train loss {losses[-1]:.4f}, val acc {val_acc:.3f}")
