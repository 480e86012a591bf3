# Idiom seen in: llien30/AnoGAN trainer.py
# What it reproduces: AnoGAN training loop, Adam(G) and Adam(D) with betas (0.0, 0.9) and no weight decay. Clean.
import torch
import torch.nn as nn


def train(G, D, dataloader, num_epochs, z_dim=20):
    device = torch.device('cuda' if torch.cuda.is_available() else 'cpu')
    print('Device :', device)

    g_lr, d_lr = 0.0001, 0.0004
    beta1, beta2 = 0.0, 0.9

    g_optimizer = torch.optim.Adam(G.parameters(), g_lr, [beta1, beta2])
    d_optimizer = torch.optim.Adam(D.parameters(), d_lr, [beta1, beta2])

    criterion = nn.BCEWithLogitsLoss(reduction='mean')

    G.to(device)
    D.to(device)
    G.train()
    D.train()
    torch.backends.cudnn.benchmark = True

    for epoch in range(num_epochs):
        d_running, g_running = 0.0, 0.0
        for images in dataloader:
            if images.size()[0] == 1:
                continue
            images = images.to(device)
            mini_batch_size = images.size()[0]
            label_real = torch.full((mini_batch_size,), 1.0, device=device)
            label_fake = torch.full((mini_batch_size,), 0.0, device=device)

            d_out_real, _ = D(images)
            z = torch.randn(mini_batch_size, z_dim, 1, 1, device=device)
            fake_images = G(z)
            d_out_fake, _ = D(fake_images.detach())
            d_loss = criterion(d_out_real.view(-1), label_real) + criterion(d_out_fake.view(-1), label_fake)
            d_optimizer.zero_grad()
            d_loss.backward()
            d_optimizer.step()

            z = torch.randn(mini_batch_size, z_dim, 1, 1, device=device)
            d_out_fake, _ = D(G(z))
            g_loss = criterion(d_out_fake.view(-1), label_real)
            g_optimizer.zero_grad()
            g_loss.backward()
            g_optimizer.step()

            d_running += d_loss.item()
            g_running += g_loss.item()
        print('epoch {} || D loss {:.4f} || G loss {:.4f}'.format(epoch, d_running, g_running))
    return G, D
