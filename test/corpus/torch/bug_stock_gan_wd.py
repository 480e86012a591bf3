# Idiom seen in: khusbuchampaneriagithub/streamlit_stock gn/step7.py
# What it reproduces: GAN on stock-price windows with Adam for G and D; the user added weight_decay to the
# discriminator's Adam (a realistic mistake; the repo has none): coupled L2 under Adam, on all D params incl. biases.
import torch
import torch.nn as nn
import torch.optim as optim

from stock_data import load_price_windows  # not in this workspace

latent_dim = 32
window = 30
lr = 0.0002
beta1, beta2 = 0.5, 0.999
n_epochs = 200
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")


class Generator(nn.Module):
    def __init__(self, latent_dim):
        super().__init__()
        self.net = nn.Sequential(
            nn.Linear(latent_dim, 128), nn.LeakyReLU(0.2),
            nn.Linear(128, 256), nn.BatchNorm1d(256), nn.LeakyReLU(0.2),
            nn.Linear(256, window), nn.Tanh())

    def forward(self, z):
        return self.net(z)


class Discriminator(nn.Module):
    def __init__(self):
        super().__init__()
        self.net = nn.Sequential(
            nn.Linear(window, 256), nn.LeakyReLU(0.2),
            nn.Linear(256, 128), nn.LeakyReLU(0.2),
            nn.Linear(128, 1), nn.Sigmoid())

    def forward(self, x):
        return self.net(x)


# Define the generator and discriminator
generator = Generator(latent_dim).to(device)
discriminator = Discriminator().to(device)
# Loss function
adversarial_loss = nn.BCELoss()
# Optimizers
optimizer_G = optim.Adam(generator.parameters(), lr=lr, betas=(beta1, beta2))
optimizer_D = optim.Adam(discriminator.parameters(), lr=lr, betas=(beta1, beta2), weight_decay=1e-3)  # expect: WD202, WD203

dataloader = load_price_windows("AAPL", window=window, batch_size=64)
for epoch in range(n_epochs):
    for real in dataloader:
        real = real.to(device)
        valid = torch.ones(real.size(0), 1, device=device)
        fake = torch.zeros(real.size(0), 1, device=device)

        optimizer_G.zero_grad()
        z = torch.randn(real.size(0), latent_dim, device=device)
        gen = generator(z)
        g_loss = adversarial_loss(discriminator(gen), valid)
        g_loss.backward()
        optimizer_G.step()

        optimizer_D.zero_grad()
        real_loss = adversarial_loss(discriminator(real), valid)
        fake_loss = adversarial_loss(discriminator(gen.detach()), fake)
        d_loss = (real_loss + fake_loss) / 2
        d_loss.backward()
        optimizer_D.step()
    print(f"[Epoch {epoch}/{n_epochs}] D loss: {d_loss.item():.4f} G loss: {g_loss.item():.4f}")
