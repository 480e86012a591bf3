# Idiom seen in: heuer-ja/uni23ss_VAE-anomaly-detection code/scripts/main.py
# What it reproduces: the driver: dataset loader from an input module, the VAE with its l2_coef, an Adam
#   optimizer without weight_decay (the decay lives in the ELBO), StepLR, train(), then anomaly scoring.
import torch
from torch.optim.lr_scheduler import StepLR

from dataset import load_kdd1999
from model import VAE_Tabular
from train import train


def main():
    device = 'cuda' if torch.cuda.is_available() else 'cpu'
    train_loader, test_loader = load_kdd1999(batch_size=128, anomaly_class='normal')
    model = VAE_Tabular(io_size=121, latent_size=10, l2_coef=1e-4).to(device)
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    lr_scheduler = StepLR(optimizer, step_size=10, gamma=0.5)
    train(model, device, num_epochs=30, optimizer=optimizer, lr_scheduler=lr_scheduler, train_loader=train_loader)

    model.eval()
    for X, y in test_loader:
        p = model.reconstruction_probability(X.to(device))
        print((p < 0.05).float().mean().item())


if __name__ == '__main__':
    main()
