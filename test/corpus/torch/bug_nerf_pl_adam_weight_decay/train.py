# Idiom seen in: TimChou-ntu/my_nerf train.py
# What it reproduces: a PyTorch Lightning NeRF system (coarse + fine MLPs with nn.Linear biases) whose
# configure_optimizers calls utils.get_optimizer(self.hparams, self.models).
import torch
import torch.nn as nn
from pytorch_lightning import LightningModule, Trainer
from torch.utils.data import DataLoader

from datasets import dataset_dict
from losses import loss_dict
from opt import get_opts
from rendering import render_rays
from utils import get_learning_rate, get_optimizer, get_scheduler


class Embedding(nn.Module):
    def __init__(self, n_freqs):
        super().__init__()
        self.freq_bands = 2 ** torch.linspace(0, n_freqs - 1, n_freqs)

    def forward(self, x):
        out = [x]
        for freq in self.freq_bands:
            out += [torch.sin(freq * x), torch.cos(freq * x)]
        return torch.cat(out, -1)


class NeRF(nn.Module):
    def __init__(self, D=8, W=256, in_xyz=63, in_dir=27, skips=(4,)):
        super().__init__()
        self.skips = skips
        layers = []
        for i in range(D):
            in_ch = in_xyz if i == 0 else (W + in_xyz if i in skips else W)
            layers.append(nn.Linear(in_ch, W))
        self.xyz_layers = nn.ModuleList(layers)
        self.sigma = nn.Linear(W, 1)
        self.dir_encoding = nn.Sequential(nn.Linear(W + in_dir, W // 2), nn.ReLU(True))
        self.rgb = nn.Sequential(nn.Linear(W // 2, 3), nn.Sigmoid())

    def forward(self, xyz, dirs):
        h = xyz
        for i, layer in enumerate(self.xyz_layers):
            if i in self.skips:
                h = torch.cat([xyz, h], -1)
            h = torch.relu(layer(h))
        sigma = self.sigma(h)
        rgb = self.rgb(self.dir_encoding(torch.cat([h, dirs], -1)))
        return torch.cat([rgb, sigma], -1)


class NeRFSystem(LightningModule):
    def __init__(self, hparams):
        super().__init__()
        self.save_hyperparameters(hparams)
        self.loss = loss_dict['mse']()
        self.embeddings = [Embedding(10), Embedding(4)]
        self.nerf_coarse = NeRF()
        self.nerf_fine = NeRF()
        self.models = [self.nerf_coarse, self.nerf_fine]

    def configure_optimizers(self):
        self.optimizer = get_optimizer(self.hparams, self.models)
        scheduler = get_scheduler(self.hparams, self.optimizer)
        return [self.optimizer], [scheduler]

    def train_dataloader(self):
        dataset = dataset_dict[self.hparams.dataset_name](root_dir=self.hparams.root_dir, split='train',
                                                          img_wh=tuple(self.hparams.img_wh))
        return DataLoader(dataset, shuffle=True, num_workers=4, batch_size=self.hparams.batch_size)

    def training_step(self, batch, batch_nb):
        rays, rgbs = batch['rays'], batch['rgbs']
        results = render_rays(self.models, self.embeddings, rays, self.hparams.N_samples,
                              N_importance=self.hparams.N_importance, chunk=self.hparams.chunk)
        loss = self.loss(results, rgbs)
        self.log('lr', get_learning_rate(self.optimizer))
        self.log('train/loss', loss, prog_bar=True)
        return loss


if __name__ == '__main__':
    hparams = get_opts()
    system = NeRFSystem(hparams)
    trainer = Trainer(max_epochs=hparams.num_epochs, accelerator='gpu', devices=1)
    trainer.fit(system)
