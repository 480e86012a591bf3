# Idiom seen in: BorealisAI/scaleformer exp/exp_main.py
# What it reproduces: the repo's own wiring: the forecaster's Adam and a separate Adam for the adaptive
#   robust loss's parameters, both with a learning rate only, plus a multi-scale MSE: clean.
import torch
import torch.nn as nn
from torch import optim
from robust_loss_pytorch import AdaptiveLossFunction

from data_provider.data_factory import data_provider
from models import FEDformerMS


def moving_avg(x, kernel_size):
    x = nn.functional.avg_pool1d(x.permute(0, 2, 1), kernel_size, kernel_size)
    return x.permute(0, 2, 1)


class Exp_Main(object):
    def __init__(self, args):
        self.args = args
        self.device = torch.device('cuda' if torch.cuda.is_available() else 'cpu')
        self.model = FEDformerMS.Model(args).float().to(self.device)

    def _select_optimizer(self):
        return optim.Adam(self.model.parameters(), lr=self.args.learning_rate)

    def train(self):
        _, train_loader = data_provider(self.args, 'train')
        model_optim = self._select_optimizer()
        adaptive = AdaptiveLossFunction(1, torch.float32, self.device, alpha_hi=3.0)
        adaptive_optim = optim.Adam(list(adaptive.parameters()), lr=0.001)
        scheduler = optim.lr_scheduler.StepLR(model_optim, step_size=1, gamma=0.5)
        for epoch in range(self.args.train_epochs):
            for batch_x, batch_y, batch_x_mark, batch_y_mark in train_loader:
                model_optim.zero_grad()
                adaptive_optim.zero_grad()
                batch_y = batch_y.float().to(self.device)
                outputs_all = self.model(batch_x.float().to(self.device), batch_x_mark, batch_y, batch_y_mark)
                target = batch_y[:, -self.args.pred_len:, :]
                loss = adaptive.lossfun((outputs_all[-1] - target).flatten().unsqueeze(-1)).mean()
                for scale, output in zip(self.args.scales[:-1], outputs_all[:-1]):
                    loss = loss + nn.functional.mse_loss(output, moving_avg(target, scale)) / scale
                loss = loss / 2
                loss.backward()
                model_optim.step()
                adaptive_optim.step()
            scheduler.step()
        return self.model
