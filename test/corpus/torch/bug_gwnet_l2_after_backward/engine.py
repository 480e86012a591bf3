# Idiom seen in: nnzhan/Graph-WaveNet engine.py
# What it reproduces: Trainer class for traffic forecasting; the L2 on the weights (moved out of Adam's
# weight_decay, which is now 0) is added to the MAE only after mae.backward(), so it is reported but never trained on
# (a realistic mistake; the repository uses Adam's weight_decay instead).
import torch
import torch.nn as nn
import torch.optim as optim

import util


class Trainer():
    def __init__(self, model, scaler, lrate, wdecay, l2_reg=0.0, clip=3, lr_decay_rate=.97):
        self.model = model
        self.model_params = list(self.model.parameters())
        self.optimizer = optim.Adam(self.model_params, lr=lrate, weight_decay=wdecay)
        self.scheduler = optim.lr_scheduler.LambdaLR(self.optimizer, lr_lambda=lambda epoch: lr_decay_rate ** epoch)
        self.scaler = scaler
        self.clip = clip
        self.l2_reg = l2_reg

    def train(self, input, real_val):
        self.model.train()
        self.optimizer.zero_grad()
        input = nn.functional.pad(input, (1, 0, 0, 0))
        output = self.model(input).transpose(1, 3)
        predict = self.scaler.inverse_transform(output)
        mae, mape, rmse = util.calc_metrics(predict.squeeze(1), real_val, null_val=0.0)
        mae.backward()
        penalty = self.l2_reg * sum(torch.sum(w ** 2) for name, w in self.model.named_parameters() if name.endswith('weight'))  # expect: WD104
        mae = mae + penalty
        if self.clip is not None:
            torch.nn.utils.clip_grad_norm_(self.model_params, self.clip)
        self.optimizer.step()
        return mae.item(), mape.item(), rmse.item()

    @torch.no_grad()
    def eval(self, input, real_val):
        self.model.eval()
        input = nn.functional.pad(input, (1, 0, 0, 0))
        output = self.model(input).transpose(1, 3)
        predict = self.scaler.inverse_transform(output)
        return [x.item() for x in util.calc_metrics(predict.squeeze(1), real_val, null_val=0.0)]
