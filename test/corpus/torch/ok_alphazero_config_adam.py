# Idiom seen in: AokiMasataka/AlphaZero alpha_zero/engine/train.py
# Idiom seen in: AokiMasataka/AlphaZero configs/config.py
# What it reproduces: an AlphaZero (Reversi) trainer driven by config dicts: Adam(model.parameters(), lr) with the lr
#   decayed per generation, weighted value MSE + policy CE, AMP; no weight_decay and no penalty anywhere (clean).
import logging

import torch
from torch import nn
from torch.cuda import amp
from torch.nn import functional
from torch.utils.data import DataLoader

from alpha_zero.self_play import parallel_self_play
from alpha_zero.data import AlphaDataset

model_config = dict(in_channels=2, dim=128, depth=4, max_actions=37, eps=1e-6, momentum=0.1)
train_config = dict(epochs=8, batch_size=32, base_lr=5e-3, lr_gamma=0.9, value_loss_weight=1.0,
                    policy_loss_weight=1.0, traindata_rate=0.8, use_amp=True, device='cuda')
self_play_config = dict(generation=16, num_searchs=64, num_games=64, game='Reversi', random_play=8)


class ScaleModel(nn.Module):
    def __init__(self, config):
        super().__init__()
        dim = config['dim']
        layers = [nn.Conv2d(config['in_channels'], dim, 3, padding=1, bias=False),
                  nn.BatchNorm2d(dim, eps=config['eps'], momentum=config['momentum']), nn.ReLU()]
        for _ in range(config['depth']):
            layers += [nn.Conv2d(dim, dim, 3, padding=1, bias=False),
                       nn.BatchNorm2d(dim, eps=config['eps'], momentum=config['momentum']), nn.ReLU()]
        self.body = nn.Sequential(*layers)
        self.value_head = nn.Sequential(nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(dim, 1), nn.Tanh())
        self.policy_head = nn.Sequential(nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(dim, config['max_actions']))

    def forward(self, x):
        h = self.body(x)
        return self.value_head(h), self.policy_head(h)


def train_model(model, play_history, train_config, gen):
    device = train_config.get('device', 'cpu')
    model.to(device).train()
    train_loader = DataLoader(AlphaDataset(play_history), batch_size=train_config['batch_size'], shuffle=True,
                              collate_fn=AlphaDataset.collate_fn)
    lr = train_config['base_lr'] * (train_config['lr_gamma'] ** gen)
    optimizer = torch.optim.Adam(model.parameters(), lr=lr)
    scaler = amp.GradScaler(enabled=train_config.get('use_amp', False))

    for epoch in range(1, train_config['epochs'] + 1):
        for step, (state, action, winner) in enumerate(train_loader, 1):
            state, action, winner = state.to(device), action.to(device), winner.to(device)
            optimizer.zero_grad()
            with amp.autocast(enabled=train_config.get('use_amp', False)):
                value, policy = model(state)
            value_loss = functional.mse_loss(input=value.view(-1).float(), target=winner)
            policy_loss = functional.cross_entropy(input=policy.float(), target=action)
            loss = train_config['value_loss_weight'] * value_loss + train_config['policy_loss_weight'] * policy_loss
            scaler.scale(loss).backward()
            scaler.step(optimizer)
            scaler.update()
        logging.info('gen %d epoch %d value %.4f policy %.4f', gen, epoch, value_loss.item(), policy_loss.item())
    return model.cpu().eval()


def train():
    model = ScaleModel(config=model_config)
    for gen in range(self_play_config['generation']):
        history = parallel_self_play(f_model=model, b_model=model, num_games=self_play_config['num_games'],
                                     game=self_play_config['game'], num_searchs=self_play_config['num_searchs'])
        model = train_model(model, history, train_config, gen)


if __name__ == '__main__':
    logging.basicConfig(level=logging.INFO)
    train()
