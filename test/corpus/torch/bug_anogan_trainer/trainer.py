# Idiom seen in: llien30/AnoGAN trainer.py
# What it reproduces: AnoGAN training loop with separate Adam optimizers for G and D; a user "regularizes" the
#   discriminator by adding weight_decay to its Adam (coupled L2) over all of D.parameters(), BatchNorm included.
#   The repository itself uses no decay; this is the realistic mistake in its idiom.
import time

import torch
import torch.nn as nn

from models import Generator, Discriminator
from dataset import make_datapath_list, GAN_Img_Dataset, ImageTransform


def train(G, D, dataloader, num_epochs):
    device = torch.device('cuda' if torch.cuda.is_available() else 'cpu')
    g_lr, d_lr = 0.0001, 0.0004
    beta1, beta2 = 0.0, 0.9

    g_optimizer = torch.optim.Adam(G.parameters(), g_lr, [beta1, beta2])
    # the discriminator overfits the few normal images: regularize it
    d_optimizer = torch.optim.Adam(D.parameters(), d_lr, [beta1, beta2],  # expect: WD203
                                   weight_decay=1e-5)  # expect: WD202

    criterion = nn.BCEWithLogitsLoss(reduction='mean')
    z_dim = 20
    G.to(device)
    D.to(device)
    G.train()
    D.train()
    torch.backends.cudnn.benchmark = True

    for epoch in range(num_epochs):
        t_epoch_start = time.time()
        epoch_g_loss, epoch_d_loss = 0.0, 0.0
        for images in dataloader:
            if images.size()[0] == 1:
                continue
            images = images.to(device)
            mini_batch_size = images.size()[0]
            label_real = torch.full((mini_batch_size,), 1.0, device=device)
            label_fake = torch.full((mini_batch_size,), 0.0, device=device)

            d_out_real, _ = D(images)
            input_z = torch.randn(mini_batch_size, z_dim, 1, 1, device=device)
            fake_images = G(input_z)
            d_out_fake, _ = D(fake_images.detach())
            d_loss = criterion(d_out_real.view(-1), label_real) + criterion(d_out_fake.view(-1), label_fake)
            d_optimizer.zero_grad()
            d_loss.backward()
            d_optimizer.step()

            input_z = torch.randn(mini_batch_size, z_dim, 1, 1, device=device)
            d_out_fake, _ = D(G(input_z))
            g_loss = criterion(d_out_fake.view(-1), label_real)
            g_optimizer.zero_grad()
            g_loss.backward()
            g_optimizer.step()

            epoch_d_loss += d_loss.item()
            epoch_g_loss += g_loss.item()
        print('epoch {} || D_loss: {:.4f} || G_loss: {:.4f} || {:.1f}s'.format(
            epoch, epoch_d_loss / len(dataloader), epoch_g_loss / len(dataloader), time.time() - t_epoch_start))
    return G, D


if __name__ == '__main__':
    train_img_list = make_datapath_list()
    train_dataset = GAN_Img_Dataset(file_list=train_img_list, transform=ImageTransform((0.5,), (0.5,)))
    train_dataloader = torch.utils.data.DataLoader(train_dataset, batch_size=64, shuffle=True)
    G = Generator(z_dim=20, image_size=64)
    D = Discriminator(image_size=64)
    G_update, D_update = train(G, D, dataloader=train_dataloader, num_epochs=300)
    torch.save(G_update.state_dict(), 'G.pth')
    torch.save(D_update.state_dict(), 'D.pth')
