# Idiom seen in: real-stanford/diffusion_policy diffusion_policy/workspace/train_diffusion_transformer_hybrid_workspace.py
# Idiom seen in: real-stanford/diffusion_policy diffusion_policy/policy/diffusion_transformer_hybrid_image_policy.py
# What it reproduces: the workspace builds the optimizer with self.model.get_optimizer(**cfg.optimizer)
#   (transformer_weight_decay 1e-3, obs_encoder_weight_decay 1e-6) and trains with an EMA copy.
import copy

import torch
from torch.utils.data import DataLoader
from diffusers.training_utils import EMAModel

from policy import DiffusionTransformerHybridImagePolicy
from dataset.pusht_image_dataset import PushTImageDataset

cfg = {
    'horizon': 10,
    'action_dim': 2,
    'optimizer': {
        'transformer_weight_decay': 1.0e-3,
        'obs_encoder_weight_decay': 1.0e-6,
        'learning_rate': 1.0e-4,
        'betas': [0.9, 0.95],
    },
    'training': {'num_epochs': 3050, 'gradient_accumulate_every': 1, 'use_ema': True, 'device': 'cuda:0'},
    'dataloader': {'batch_size': 64, 'num_workers': 8, 'shuffle': True},
}


class TrainDiffusionTransformerHybridWorkspace:
    def __init__(self, cfg):
        self.cfg = cfg
        self.model = DiffusionTransformerHybridImagePolicy(action_dim=cfg['action_dim'], horizon=cfg['horizon'])
        self.ema_model = copy.deepcopy(self.model) if cfg['training']['use_ema'] else None
        self.optimizer = self.model.get_optimizer(**cfg['optimizer'])

    def run(self):
        cfg = self.cfg
        dataset = PushTImageDataset('data/pusht/pusht_cchi_v7_replay.zarr', horizon=cfg['horizon'])
        train_dataloader = DataLoader(dataset, **cfg['dataloader'])
        device = torch.device(cfg['training']['device'])
        self.model.to(device)
        ema = EMAModel(self.ema_model.parameters(), power=0.75) if self.ema_model is not None else None
        for epoch in range(cfg['training']['num_epochs']):
            for batch_idx, batch in enumerate(train_dataloader):
                batch = {k: (v.to(device) if torch.is_tensor(v) else {kk: vv.to(device) for kk, vv in v.items()})
                         for k, v in batch.items()}
                raw_loss = self.model.compute_loss(batch)
                loss = raw_loss / cfg['training']['gradient_accumulate_every']
                loss.backward()
                if (batch_idx + 1) % cfg['training']['gradient_accumulate_every'] == 0:
                    self.optimizer.step()
                    self.optimizer.zero_grad()
                if ema is not None:
                    ema.step(self.model.parameters())


if __name__ == '__main__':
    TrainDiffusionTransformerHybridWorkspace(cfg).run()
