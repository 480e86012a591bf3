# Idiom seen in: Dominik5431/QecVAE_for_Phase_Recognition src/nn/net/vae.py
# Idiom seen in: Dominik5431/QecVAE_for_Phase_Recognition src/nn/net/encoder.py
# What it reproduces: a convolutional VAE over surface-code syndrome images (conv + BatchNorm + linear layers,
#   all with biases); its parameters are all decayed by the Adam factory (see optimizer.py / train.py).
import torch
import torch.nn as nn


class VariationalAutoencoder(nn.Module):
    def __init__(self, distance, latent_dims=1, name="vae-bitflip"):
        super().__init__()
        self.name = name
        self.distance = distance
        self.encoder = nn.Sequential(
            nn.Conv2d(2, 32, kernel_size=3, padding=1),
            nn.BatchNorm2d(32),
            nn.ReLU(),
            nn.Conv2d(32, 64, kernel_size=3, padding=1),
            nn.BatchNorm2d(64),
            nn.ReLU(),
            nn.Flatten(),
        )
        flat = 64 * distance * distance
        self.fc_mean = nn.Linear(flat, latent_dims)
        self.fc_logvar = nn.Linear(flat, latent_dims)
        self.decoder_fc = nn.Linear(latent_dims, flat)
        self.decoder = nn.Sequential(
            nn.Conv2d(64, 32, kernel_size=3, padding=1),
            nn.BatchNorm2d(32),
            nn.ReLU(),
            nn.Conv2d(32, 2, kernel_size=3, padding=1),
            nn.Tanh(),
        )

    def forward(self, x):
        h = self.encoder(x)
        mean, log_var = self.fc_mean(h), self.fc_logvar(h)
        z = mean + torch.exp(0.5 * log_var) * torch.randn_like(mean)
        out = self.decoder_fc(z).view(-1, 64, self.distance, self.distance)
        return self.decoder(out), mean, log_var

    def save(self):
        torch.save(self.state_dict(), f"data/net_{self.name}.pt")
