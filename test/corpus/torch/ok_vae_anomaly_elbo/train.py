# Idiom seen in: heuer-ja/uni23ss_VAE-anomaly-detection code/scripts/train.py
# What it reproduces: the training loop that takes forward_dict['loss'] (which already holds the L2 term)
#   and back-propagates it; kl / recon_loss / l2 are only logged.
import time

import torch


def train(model, device, num_epochs, optimizer, lr_scheduler, train_loader):
    log = dict(loss=[], kl=[], recon_loss=[], l2=[])
    start_time = time.time()
    for epoch in range(num_epochs):
        model.train()
        for batch_idx, (X, y) in enumerate(train_loader):
            X = X.to(device)
            forward_dict = model(X)
            loss = forward_dict['loss']
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()

            log['loss'].append(loss.item())
            log['kl'].append(forward_dict['kl'].item())
            log['recon_loss'].append(forward_dict['recon_loss'].item())
            log['l2'].append(forward_dict['l2'].item())
            if batch_idx % 500 == 0:
                print('Epoch: %03d/%03d | Batch %04d/%04d | Loss: %.4f | KL: %.4f | RecLoss: %.4f'
                      % (epoch + 1, num_epochs, batch_idx, len(train_loader), loss,
                         forward_dict['kl'], forward_dict['recon_loss']))
        lr_scheduler.step()
    print('Total Training Time: %.2f min' % ((time.time() - start_time) / 60))
    return log
