# Idiom seen in: prakanth97/GANs WGAN/train.py
# What it reproduces: the tutorial-style WGAN on MNIST (module-level hyperparameters, RMSprop, weight clipping,
#   loss_critic = -(mean(real) - mean(fake))). Realistic mistake in that idiom: an L2 penalty on the critic is
#   put INSIDE the negated objective, so it enters the minimized loss with a minus sign: the critic's weights
#   are pushed to grow instead of shrink (WD302, negative decay).
import torch
import torch.nn as nn
import torch.optim as optim
import torchvision.datasets as datasets
import torchvision.transforms as transforms
from torch.utils.data import DataLoader
from torch.utils.tensorboard import SummaryWriter

from model import Critic, Generator, initialize_weights

# Hyperparameters
device = "cuda" if torch.cuda.is_available() else "cpu"
LEARNING_RATE = 5e-5
BATCH_SIZE = 64
IMAGE_SIZE = 64
CHANNELS_IMG = 1
Z_DIM = 128
NUM_EPOCHS = 5
FEATURES_CRITIC = 64
FEATURES_GEN = 64
CRITIC_ITERATIONS = 5
WEIGHT_CLIP = 0.01
L2_CRITIC = 1e-4

transform = transforms.Compose([
    transforms.Resize(IMAGE_SIZE),
    transforms.ToTensor(),
    transforms.Normalize([0.5 for _ in range(CHANNELS_IMG)], [0.5 for _ in range(CHANNELS_IMG)]),
])
dataset = datasets.MNIST(root="dataset/", transform=transform, download=True)
loader = DataLoader(dataset, batch_size=BATCH_SIZE, shuffle=True)

critic = Critic(CHANNELS_IMG, FEATURES_CRITIC).to(device)
gen = Generator(Z_DIM, CHANNELS_IMG, FEATURES_GEN).to(device)
initialize_weights(gen)
initialize_weights(critic)

opt_gen = optim.RMSprop(gen.parameters(), lr=LEARNING_RATE)
opt_critic = optim.RMSprop(critic.parameters(), lr=LEARNING_RATE)

fixed_noise = torch.randn(32, Z_DIM, 1, 1).to(device)
writer = SummaryWriter("logs/wgan")
step = 0
gen.train()
critic.train()

for epoch in range(NUM_EPOCHS):
    for batch_idx, (data, _) in enumerate(loader):
        data = data.to(device)
        cur_batch_size = data.shape[0]

        for _ in range(CRITIC_ITERATIONS):
            noise = torch.randn(cur_batch_size, Z_DIM, 1, 1).to(device)
            fake = gen(noise)
            critic_real = critic(data).reshape(-1)
            critic_fake = critic(fake).reshape(-1)
            l2 = sum((p ** 2).sum() for p in critic.parameters())
            loss_critic = -(torch.mean(critic_real) - torch.mean(critic_fake) + L2_CRITIC * l2)  # expect: WD302
            critic.zero_grad()
            loss_critic.backward(retain_graph=True)
            opt_critic.step()
            for p in critic.parameters():
                p.data.clamp_(-WEIGHT_CLIP, WEIGHT_CLIP)

        gen_fake = critic(fake).reshape(-1)
        loss_gen = -torch.mean(gen_fake)
        gen.zero_grad()
        loss_gen.backward()
        opt_gen.step()

        if batch_idx % 100 == 0:
            print(f"Epoch [{epoch}/{NUM_EPOCHS}] Batch {batch_idx}/{len(loader)} "
                  f"Loss D: {loss_critic:.4f}, loss G: {loss_gen:.4f}")
            writer.add_scalar("loss/critic", loss_critic.item(), global_step=step)
            step += 1
