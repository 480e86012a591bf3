# Idiom seen in: bshall/VectorQuantizedCPC train_cpc.py
# What it reproduces: the hydra entry point training the VQ-CPC encoder and the CPC loss module with one Adam
#   over chain(encoder.parameters(), cpc.parameters()) and a warm-up/milestone scheduler, no decay: clean.
from itertools import chain
from pathlib import Path

import hydra
import torch
import torch.optim as optim
from hydra import utils
from torch.utils.data import DataLoader

from dataset import CPCDataset
from model import CPCLoss, Encoder
from scheduler import WarmupScheduler


@hydra.main(config_path="config/train_cpc.yaml")
def train_model(cfg):
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    encoder = Encoder(**cfg.model.encoder).to(device)
    cpc = CPCLoss(**cfg.model.cpc).to(device)

    optimizer = optim.Adam(chain(encoder.parameters(), cpc.parameters()), lr=cfg.training.scheduler.initial_lr)
    scheduler = WarmupScheduler(optimizer, warmup_epochs=cfg.training.scheduler.warmup_epochs,
                                initial_lr=cfg.training.scheduler.initial_lr,
                                max_lr=cfg.training.scheduler.max_lr,
                                milestones=cfg.training.scheduler.milestones,
                                gamma=cfg.training.scheduler.gamma)

    root_path = Path(utils.to_absolute_path("datasets")) / cfg.dataset.path
    dataset = CPCDataset(root=root_path,
                         n_sample_frames=cfg.training.sample_frames + cfg.training.n_prediction_steps,
                         n_utterances_per_speaker=cfg.training.n_utterances_per_speaker,
                         hop_length=cfg.preprocessing.hop_length, sr=cfg.preprocessing.sr)
    dataloader = DataLoader(dataset, batch_size=cfg.training.n_speakers_per_batch, shuffle=True,
                            num_workers=cfg.training.n_workers, pin_memory=True, drop_last=True)

    for epoch in range(1, cfg.training.n_epochs + 1):
        for i, (mels, _) in enumerate(dataloader, 1):
            mels = mels.to(device).view(cfg.training.n_speakers_per_batch * cfg.training.n_utterances_per_speaker,
                                        cfg.preprocessing.n_mels, -1)
            optimizer.zero_grad()
            z, c, vq_loss, perplexity = encoder(mels)
            cpc_loss, accuracy = cpc(z, c)
            loss = cpc_loss + vq_loss
            loss.backward()
            optimizer.step()
        scheduler.step()


if __name__ == "__main__":
    train_model()
