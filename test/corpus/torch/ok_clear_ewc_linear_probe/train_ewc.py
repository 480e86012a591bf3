# Idiom seen in: Applesoups/clear_avalanche_mmlab avalanche/avalanche/training/plugins/ewc.py
# Idiom seen in: Applesoups/clear_avalanche_mmlab avalanche/examples/clear.py
# What it reproduces: online EWC over CLEAR buckets on a linear probe; the penalty is sum F*(p - p_old)^2, an anchor
# to the previous task's weights (not a decay toward zero), and the optimizer has weight_decay=0.0: clean.
import torch
import torch.nn as nn
import torch.nn.functional as F

import ewc_config as cfg
from build_cl_strategy import build_optimizer_and_scheduler
from clear_features import get_clear_feature_streams


class LinearClsHead(nn.Module):
    def __init__(self, in_channels, num_classes):
        super().__init__()
        self.fc = nn.Linear(in_channels, num_classes)

    def forward(self, x):
        return self.fc(x)


def compute_fisher(model, loader, device):
    fisher = {n: torch.zeros_like(p) for n, p in model.named_parameters()}
    model.eval()
    for x, y in loader:
        model.zero_grad()
        F.cross_entropy(model(x.to(device)), y.to(device)).backward()
        for n, p in model.named_parameters():
            fisher[n] += p.grad.detach() ** 2 / len(loader)
    return fisher


def ewc_penalty(model, fisher, anchors):
    penalty = 0.0
    for n, p in model.named_parameters():
        penalty = penalty + (fisher[n] * (p - anchors[n]) ** 2).sum()
    return penalty


def main():
    device = 'cuda' if torch.cuda.is_available() else 'cpu'
    model = LinearClsHead(**cfg.model).to(device)
    optimizer, scheduler, strategy_cfg = build_optimizer_and_scheduler(cfg.cl_strategy, model)

    fisher, anchors = None, None
    for bucket, (train_loader, test_loader) in enumerate(get_clear_feature_streams('clear100', cfg.batch_size)):
        for epoch in range(strategy_cfg['train_epochs']):
            model.train()
            for x, y in train_loader:
                x, y = x.to(device), y.to(device)
                loss = F.cross_entropy(model(x), y)
                if fisher is not None:
                    loss = loss + strategy_cfg['ewc_lambda'] * ewc_penalty(model, fisher, anchors)
                optimizer.zero_grad()
                loss.backward()
                optimizer.step()
            scheduler.step()

        new_fisher = compute_fisher(model, train_loader, device)
        if fisher is None:
            fisher = new_fisher
        else:
            fisher = {n: strategy_cfg['decay_factor'] * fisher[n] + new_fisher[n] for n in fisher}
        anchors = {n: p.detach().clone() for n, p in model.named_parameters()}
        print(f'bucket {bucket} done')


if __name__ == '__main__':
    main()
