# Idiom seen in: 0nEwEi/Test WGANGP/train.py
# What it reproduces: WGAN-GP training with Adam(betas=(0.0, 0.9)) and no weight decay; the critic loss adds
# LAMBDA_GP * gradient penalty, which regularizes input gradients, not the weights: clean.
import torch
import torch.optim as optim
import torchvision
import torchvision.datasets as datasets
import torchvision.transforms as transforms
from torch.utils.data import DataLoader
from torch.utils.tensorboard import SummaryWriter

from model import Discriminator, Generator, weights_init
from utils import gradient_penalty

device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
LEARNING_RATE = 1e-4
BATCH_SIZE = 64
IMAGE_SIZE = 64
IMG_CHANNELS = 3
Z_DIM = 100
NUM_EPOCHS = 5
FEATURES_D = 64
FEATURES_G = 64
CRITIC_ITERATIONS = 5
LAMBDA_GP = 10

tfm = transforms.Compose([
    transforms.Resize(IMAGE_SIZE),
    transforms.CenterCrop(IMAGE_SIZE),
    transforms.ToTensor(),
    transforms.Normalize([0.5] * IMG_CHANNELS, [0.5] * IMG_CHANNELS),
])
dataset = datasets.ImageFolder(root="datasets/celeb_dataset", transform=tfm)
dataloader = DataLoader(dataset=dataset, batch_size=BATCH_SIZE, shuffle=True, drop_last=True)

gen = Generator(Z_DIM, IMG_CHANNELS, FEATURES_G).to(device)
critic = Discriminator(IMG_CHANNELS, FEATURES_D).to(device)
weights_init(gen)
weights_init(critic)

opt_gen = optim.Adam(gen.parameters(), lr=LEARNING_RATE, betas=(0.0, 0.9))
opt_critic = optim.Adam(critic.parameters(), lr=LEARNING_RATE, betas=(0.0, 0.9))

fixed_noise = torch.randn(32, Z_DIM, 1, 1).to(device)
writer_fake = SummaryWriter("logs/fake")
step = 0

for epoch in range(NUM_EPOCHS):
    for batch_idx, (real, _) in enumerate(dataloader):
        real = real.to(device)

        for _ in range(CRITIC_ITERATIONS):
            noise = torch.randn((BATCH_SIZE, Z_DIM, 1, 1)).to(device)
            fake = gen(noise).detach()
            critic_real = critic(real).reshape(-1)
            critic_fake = critic(fake).reshape(-1)
            gp = gradient_penalty(critic, real, fake, device=device)
            loss_critic = -(torch.mean(critic_real) - torch.mean(critic_fake)) + LAMBDA_GP * gp
            critic.zero_grad()
            loss_critic.backward()
            opt_critic.step()

        noise = torch.randn((BATCH_SIZE, Z_DIM, 1, 1)).to(device)
        loss_gen = -torch.mean(critic(gen(noise)).reshape(-1))
        gen.zero_grad()
        loss_gen.backward()
        opt_gen.step()

        if batch_idx % 100 == 0:
            print(f"Epoch [{epoch}/{NUM_EPOCHS}] Batch {batch_idx}/{len(dataloader)} "
                  f"Loss D: {loss_critic:.4f}, loss G: {loss_gen:.4f}")
            with torch.no_grad():
                grid = torchvision.utils.make_grid(gen(fixed_noise)[:32], normalize=True)
                writer_fake.add_image("Fake_celeb_wgangp", grid, global_step=step)
            step += 1

writer_fake.close()
