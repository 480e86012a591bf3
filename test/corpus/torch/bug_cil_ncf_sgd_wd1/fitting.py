# Idiom seen in: LiineKasak/collaborative-filtering src/utils/fitting.py
# What it reproduces: the shared train() loop: minibatches of (user, movie, rating), MSE loss, optimizer.step,
# RMSE on the validation split; every model hands its own optimizer in.
import numpy as np
import torch
from torch.utils.data import DataLoader, TensorDataset


def mse_loss(predictions, target):
    return torch.mean((predictions - target) ** 2)


def train(train_data, test_data, device, model, optimizer, num_epochs, batch_size, verbose=True):
    users = torch.tensor(train_data.users, device=device)
    movies = torch.tensor(train_data.movies, device=device)
    ratings = torch.tensor(train_data.ratings, device=device, dtype=torch.float32)
    loader = DataLoader(TensorDataset(users, movies, ratings), batch_size=batch_size, shuffle=True)
    best_rmse, best_epoch = np.inf, 0
    for epoch in range(num_epochs):
        model.train()
        for users_batch, movies_batch, target in loader:
            optimizer.zero_grad()
            predictions = model(users_batch, movies_batch)
            loss = mse_loss(predictions, target)
            loss.backward()
            optimizer.step()
        if test_data is not None:
            model.eval()
            with torch.no_grad():
                pred = model(torch.tensor(test_data.users, device=device), torch.tensor(test_data.movies, device=device))
                rmse = torch.sqrt(mse_loss(pred, torch.tensor(test_data.ratings, device=device))).item()
            if rmse < best_rmse:
                best_rmse, best_epoch = rmse, epoch
            if verbose:
                print(f'epoch {epoch}: val rmse {rmse:.4f}')
    return best_rmse, best_epoch
