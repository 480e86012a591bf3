# Idiom seen in: twj515895394/deep-face-lab-tf2.x core/leras/optimizers/RMSprop.py
# What it reproduces: a project that keeps a TF/Keras and a PyTorch implementation side by side and
#   picks one with a flag. torch: AdamW with a proper decay/no-decay split by ndim; keras: layer L2
#   regularizers trained by compile/fit with a plain Adam (no optimizer decay). Clean.
import torch
import torch.nn as nn


class Encoder(nn.Module):
    def __init__(self, ch=64, latent=256):
        super().__init__()
        self.conv1 = nn.Conv2d(3, ch, 5, stride=2, padding=2)
        self.bn1 = nn.BatchNorm2d(ch)
        self.conv2 = nn.Conv2d(ch, ch * 2, 5, stride=2, padding=2)
        self.bn2 = nn.BatchNorm2d(ch * 2)
        self.fc = nn.Linear(ch * 2 * 16 * 16, latent)

    def forward(self, x):
        x = torch.relu(self.bn1(self.conv1(x)))
        x = torch.relu(self.bn2(self.conv2(x)))
        return self.fc(x.flatten(1))


def build_optimizer(model, lr, weight_decay):
    decay, no_decay = [], []
    for name, p in model.named_parameters():
        if not p.requires_grad:
            continue
        (no_decay if p.ndim <= 1 else decay).append(p)
    return torch.optim.AdamW([
        {'params': decay, 'weight_decay': weight_decay},
        {'params': no_decay, 'weight_decay': 0.0},
    ], lr=lr)


def train_torch(opts, loader, decoder):
    model = Encoder()
    opt = build_optimizer(model, opts.lr, opts.weight_decay)
    dec_opt = torch.optim.Adam(decoder.parameters(), lr=opts.lr)
    for epoch in range(opts.epochs):
        for warped, target in loader:
            opt.zero_grad(); dec_opt.zero_grad()
            loss = torch.mean(torch.abs(decoder(model(warped)) - target))
            loss.backward()
            opt.step(); dec_opt.step()
