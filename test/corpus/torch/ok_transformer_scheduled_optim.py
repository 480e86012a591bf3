# Idiom seen in: jadore801120/attention-is-all-you-need-pytorch train.py
# Idiom seen in: jadore801120/attention-is-all-you-need-pytorch transformer/Optim.py
# What it reproduces: ScheduledOptim wrapping optim.Adam(transformer.parameters(), betas=(0.9, 0.98),
#   eps=1e-09) with the inverse-sqrt warm-up schedule; no weight decay and no L2 term (regularization is
#   dropout and label smoothing). Clean.
import argparse

import torch
import torch.nn.functional as F
import torch.optim as optim

from transformer.Models import Transformer
from dataset import prepare_dataloaders


class ScheduledOptim():
    '''A simple wrapper class for learning rate scheduling'''

    def __init__(self, optimizer, lr_mul, d_model, n_warmup_steps):
        self._optimizer = optimizer
        self.lr_mul = lr_mul
        self.d_model = d_model
        self.n_warmup_steps = n_warmup_steps
        self.n_steps = 0

    def step_and_update_lr(self):
        self._update_learning_rate()
        self._optimizer.step()

    def zero_grad(self):
        self._optimizer.zero_grad()

    def _get_lr_scale(self):
        d_model, n_steps, n_warmup_steps = self.d_model, self.n_steps, self.n_warmup_steps
        return (d_model ** -0.5) * min(n_steps ** (-0.5), n_steps * n_warmup_steps ** (-1.5))

    def _update_learning_rate(self):
        self.n_steps += 1
        lr = self.lr_mul * self._get_lr_scale()
        for param_group in self._optimizer.param_groups:
            param_group['lr'] = lr


def cal_loss(pred, gold, trg_pad_idx, smoothing=False):
    gold = gold.contiguous().view(-1)
    if smoothing:
        eps = 0.1
        n_class = pred.size(1)
        one_hot = torch.zeros_like(pred).scatter(1, gold.view(-1, 1), 1)
        one_hot = one_hot * (1 - eps) + (1 - one_hot) * eps / (n_class - 1)
        log_prb = F.log_softmax(pred, dim=1)
        non_pad_mask = gold.ne(trg_pad_idx)
        return -(one_hot * log_prb).sum(dim=1).masked_select(non_pad_mask).sum()
    return F.cross_entropy(pred, gold, ignore_index=trg_pad_idx, reduction='sum')


def train_epoch(model, training_data, optimizer, opt, device, smoothing):
    model.train()
    total_loss = 0
    for src_seq, trg_seq, gold in training_data:
        src_seq, trg_seq, gold = src_seq.to(device), trg_seq.to(device), gold.to(device)
        optimizer.zero_grad()
        pred = model(src_seq, trg_seq)
        loss = cal_loss(pred, gold, opt.trg_pad_idx, smoothing=smoothing)
        loss.backward()
        optimizer.step_and_update_lr()
        total_loss += loss.item()
    return total_loss


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('-data_pkl', default=None)
    parser.add_argument('-epoch', type=int, default=10)
    parser.add_argument('-b', '--batch_size', type=int, default=2048)
    parser.add_argument('-d_model', type=int, default=512)
    parser.add_argument('-lr_mul', type=float, default=2.0)
    parser.add_argument('-warmup', '--n_warmup_steps', type=int, default=4000)
    parser.add_argument('-dropout', type=float, default=0.1)
    parser.add_argument('-label_smoothing', action='store_true')
    opt = parser.parse_args()
    device = torch.device('cuda' if torch.cuda.is_available() else 'cpu')

    training_data, validation_data = prepare_dataloaders(opt, device)
    transformer = Transformer(opt.src_vocab_size, opt.trg_vocab_size,
                              src_pad_idx=opt.src_pad_idx, trg_pad_idx=opt.trg_pad_idx,
                              d_model=opt.d_model, dropout=opt.dropout).to(device)
    optimizer = ScheduledOptim(
        optim.Adam(transformer.parameters(), betas=(0.9, 0.98), eps=1e-09),
        opt.lr_mul, opt.d_model, opt.n_warmup_steps)
    for epoch_i in range(opt.epoch):
        train_epoch(transformer, training_data, optimizer, opt, device, smoothing=opt.label_smoothing)


if __name__ == '__main__':
    main()
