# Idiom seen in: AaltoML/sfr src/nn2svgp/train_regression.py
# What it reproduces: Adam without weight_decay over the model's parameters; the only decay is the
#   Gaussian prior term inside ntksvgp.loss(), which is what backward() differentiates. Clean.
import logging

import torch

from priors import Gaussian
from sfr import GaussianLikelihood, NTKSVGP

logging.basicConfig(level=logging.INFO)
logger = logging.getLogger(__name__)


def train(ntksvgp, data, num_epochs=1000, batch_size=16, learning_rate=1e-3):
    data_loader = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(*data), batch_size=batch_size)
    ntksvgp.train()
    optimizer = torch.optim.Adam([{"params": ntksvgp.parameters()}], lr=learning_rate)
    loss_history = []
    for epoch_idx in range(num_epochs):
        for batch_idx, (x, y) in enumerate(data_loader):
            loss = ntksvgp.loss(x, y)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            loss_history.append(loss.detach().numpy())
    ntksvgp.set_data(data)
    return {"loss": loss_history}


if __name__ == "__main__":
    torch.manual_seed(42)
    torch.set_default_dtype(torch.float64)
    X_train = torch.rand((200, 1)) * 2
    Y_train = torch.cat([torch.sin(X_train * 5) / X_train + torch.cos(X_train * 10),
                         torch.sin(X_train) / X_train + torch.cos(X_train),
                         torch.cos(X_train * 5) + torch.sin(X_train)], -1)
    network = torch.nn.Sequential(
        torch.nn.Linear(1, 64), torch.nn.Tanh(),
        torch.nn.Linear(64, 64), torch.nn.Tanh(),
        torch.nn.Linear(64, 3),
    )
    prior = Gaussian(params=network.parameters, delta=0.00005)
    ntksvgp = NTKSVGP(network=network, prior=prior, likelihood=GaussianLikelihood(sigma_noise=2),
                      output_dim=3, num_inducing=50, jitter=1e-4)
    metrics = train(ntksvgp, (X_train, Y_train), num_epochs=2500, batch_size=X_train.shape[0], learning_rate=1e-2)
    logger.info("final loss %s", metrics["loss"][-1])
