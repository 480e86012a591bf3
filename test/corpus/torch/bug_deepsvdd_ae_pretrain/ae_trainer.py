# Idiom seen in: leggedrobotics/anomaly_navigation anomaly_detection/optim/ae_trainer.py
# What it reproduces: autoencoder pretraining with optim.Adam(ae_net.parameters(), weight_decay=...): coupled
#   L2 scaled by Adam's per-weight step (WD202). The network is bias-free with affine=False BatchNorm, so
#   nothing but kernels is decayed: no WD203 here.
import logging
import time

import torch
import torch.optim as optim

from base_trainer import BaseTrainer


class AETrainer(BaseTrainer):
    def __init__(self, writer, optimizer_name: str = 'adam', lr: float = 0.001, n_epochs: int = 150,
                 lr_milestones: tuple = (), batch_size: int = 128, weight_decay: float = 1e-6,
                 device: str = 'cuda', n_jobs_dataloader: int = 0):
        super().__init__(optimizer_name, lr, n_epochs, lr_milestones, batch_size, weight_decay, device,
                         n_jobs_dataloader, writer)

    def train(self, dataset, ae_net):
        logger = logging.getLogger()
        ae_net = ae_net.to(self.device)
        train_loader, _ = dataset.loaders(batch_size=self.batch_size, num_workers=self.n_jobs_dataloader)
        optimizer = optim.Adam(ae_net.parameters(), lr=self.lr, weight_decay=self.weight_decay)  # expect: WD202
        scheduler = optim.lr_scheduler.MultiStepLR(optimizer, milestones=self.lr_milestones, gamma=0.1)
        logger.info('Starting pretraining...')
        start_time = time.time()
        ae_net.train()
        for epoch in range(self.n_epochs):
            loss_epoch, n_batches = 0.0, 0
            for inputs, _, _ in train_loader:
                inputs = inputs.to(self.device)
                optimizer.zero_grad()
                outputs = ae_net(inputs)
                scores = torch.sum((outputs - inputs) ** 2, dim=tuple(range(1, outputs.dim())))
                loss = torch.mean(scores)
                loss.backward()
                optimizer.step()
                loss_epoch += loss.item()
                n_batches += 1
            scheduler.step()
            self.writer.add_scalar('pretrain/loss', loss_epoch / n_batches, epoch)
        logger.info('Pretraining time: %.3f' % (time.time() - start_time))
        return ae_net
