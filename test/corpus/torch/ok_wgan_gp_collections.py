# Idiom seen in: w86763777/pytorch-gan-collections wgangp.py
# Idiom seen in: w86763777/pytorch-gan-collections gans/models/wgangp.py
# What it reproduces: WGAN-GP under absl flags: Adam(betas=(0.0, 0.9)) for G and D without weight_decay, and
# the gradient penalty ((||grad_x D(x_hat)|| - 1) ** 2).mean() added to the critic loss. The penalty
# squares input gradients, not weights, and no optimizer decays: no weight decay at all, clean.
import os

import torch
import torch.nn as nn
import torch.optim as optim
from absl import app, flags
from torchvision import datasets, transforms
from tensorboardX import SummaryWriter
from tqdm import trange

FLAGS = flags.FLAGS
flags.DEFINE_integer('total_steps', 100000, "total number of training steps")
flags.DEFINE_integer('batch_size', 64, "batch size")
flags.DEFINE_float('lr_G', 2e-4, "Generator learning rate")
flags.DEFINE_float('lr_D', 2e-4, "Discriminator learning rate")
flags.DEFINE_multi_float('betas', [0.0, 0.9], "for Adam")
flags.DEFINE_integer('n_dis', 5, "update Generator every this steps")
flags.DEFINE_integer('z_dim', 128, "latent space dimension")
flags.DEFINE_float('alpha', 10, "gradient penalty")
flags.DEFINE_string('logdir', './logs/WGANGP_CIFAR10', 'logging folder')

device = torch.device('cuda:0' if torch.cuda.is_available() else 'cpu')


class Generator(nn.Module):
    def __init__(self, z_dim, M=4):
        super().__init__()
        self.M = M
        self.linear = nn.Linear(z_dim, M * M * 512)
        self.main = nn.Sequential(
            nn.BatchNorm2d(512), nn.ReLU(True),
            nn.ConvTranspose2d(512, 256, kernel_size=4, stride=2, padding=1),
            nn.BatchNorm2d(256), nn.ReLU(True),
            nn.ConvTranspose2d(256, 128, kernel_size=4, stride=2, padding=1),
            nn.BatchNorm2d(128), nn.ReLU(True),
            nn.ConvTranspose2d(128, 64, kernel_size=4, stride=2, padding=1),
            nn.BatchNorm2d(64), nn.ReLU(True),
            nn.Conv2d(64, 3, kernel_size=3, stride=1, padding=1),
            nn.Tanh())

    def forward(self, z):
        x = self.linear(z).view(z.size(0), -1, self.M, self.M)
        return self.main(x)


class Discriminator(nn.Module):
    def __init__(self, M=32):
        super().__init__()
        self.main = nn.Sequential(
            nn.Conv2d(3, 64, kernel_size=3, stride=1, padding=1), nn.LeakyReLU(0.1, inplace=True),
            nn.Conv2d(64, 128, kernel_size=4, stride=2, padding=1), nn.LeakyReLU(0.1, inplace=True),
            nn.Conv2d(128, 256, kernel_size=4, stride=2, padding=1), nn.LeakyReLU(0.1, inplace=True),
            nn.Conv2d(256, 512, kernel_size=3, stride=1, padding=1), nn.LeakyReLU(0.1, inplace=True))
        self.linear = nn.Linear(M // 4 * M // 4 * 512, 1)

    def forward(self, x):
        return self.linear(torch.flatten(self.main(x), start_dim=1))


def cal_gradient_penalty(net_D, real, fake):
    t = torch.rand(real.size(0), 1, 1, 1).to(real.device)
    t = t.expand(real.size())
    interpolates = t * real + (1 - t) * fake
    interpolates.requires_grad_(True)
    disc_interpolates = net_D(interpolates)
    grad = torch.autograd.grad(outputs=disc_interpolates, inputs=interpolates,
                               grad_outputs=torch.ones_like(disc_interpolates),
                               create_graph=True, retain_graph=True)[0]
    grad_norm = torch.flatten(grad, start_dim=1).norm(2, dim=1)
    return torch.mean((grad_norm - 1) ** 2)


def infiniteloop(dataloader):
    while True:
        for x, y in iter(dataloader):
            yield x


def train(argv):
    del argv
    dataset = datasets.CIFAR10('./data', train=True, download=True,
                               transform=transforms.Compose([transforms.ToTensor(),
                                                             transforms.Normalize((0.5, 0.5, 0.5), (0.5, 0.5, 0.5))]))
    dataloader = torch.utils.data.DataLoader(dataset, batch_size=FLAGS.batch_size, shuffle=True,
                                             num_workers=4, drop_last=True)
    net_G = Generator(FLAGS.z_dim).to(device)
    net_D = Discriminator().to(device)
    optim_G = optim.Adam(net_G.parameters(), lr=FLAGS.lr_G, betas=FLAGS.betas)
    optim_D = optim.Adam(net_D.parameters(), lr=FLAGS.lr_D, betas=FLAGS.betas)
    sched_G = optim.lr_scheduler.LambdaLR(optim_G, lambda step: 1 - step / FLAGS.total_steps)
    sched_D = optim.lr_scheduler.LambdaLR(optim_D, lambda step: 1 - step / FLAGS.total_steps)

    os.makedirs(os.path.join(FLAGS.logdir, 'sample'), exist_ok=True)
    writer = SummaryWriter(os.path.join(FLAGS.logdir))
    looper = infiniteloop(dataloader)
    with trange(1, FLAGS.total_steps + 1, dynamic_ncols=True) as pbar:
        for step in pbar:
            # Discriminator
            for _ in range(FLAGS.n_dis):
                with torch.no_grad():
                    z = torch.randn(FLAGS.batch_size, FLAGS.z_dim).to(device)
                    fake = net_G(z).detach()
                real = next(looper).to(device)
                net_D_real = net_D(real)
                net_D_fake = net_D(fake)
                loss = -net_D_real.mean() + net_D_fake.mean()
                loss_gp = cal_gradient_penalty(net_D, real, fake)
                loss_all = loss + FLAGS.alpha * loss_gp
                optim_D.zero_grad()
                loss_all.backward()
                optim_D.step()
                writer.add_scalar('loss', loss.item(), step)
                writer.add_scalar('loss_gp', loss_gp.item(), step)
            # Generator
            z = torch.randn(FLAGS.batch_size * 2, FLAGS.z_dim).to(device)
            loss_G = -net_D(net_G(z)).mean()
            optim_G.zero_grad()
            loss_G.backward()
            optim_G.step()
            sched_G.step()
            sched_D.step()
            pbar.set_postfix(loss='%.4f' % loss.item())
    torch.save({'net_G': net_G.state_dict(), 'net_D': net_D.state_dict()}, os.path.join(FLAGS.logdir, 'model.pt'))


if __name__ == '__main__':
    app.run(train)
