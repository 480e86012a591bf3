# Idiom seen in: speechbrain/speechbrain speechbrain/utils/optimizers.py (rm_weight_decay_bias_and_norm_params)
# What it reproduces: a helper module that returns two param groups (1-D params, i.e. biases and norm scales, with
# weight_decay 0.0) used by a training script with SGD + momentum; decay only reaches the matrices/kernels. Clean.
import sys

import torch
import torch.nn as nn

from hparams_loader import load_hparams
from optim_utils import rm_weight_decay_bias_and_norm_params


class CRDNNEncoder(nn.Module):
    def __init__(self, n_mels=80, hidden=512, n_tokens=1000):
        super().__init__()
        self.cnn = nn.Sequential(
            nn.Conv1d(n_mels, hidden, 3, padding=1), nn.BatchNorm1d(hidden), nn.LeakyReLU(),
            nn.Conv1d(hidden, hidden, 3, padding=1), nn.BatchNorm1d(hidden), nn.LeakyReLU(),
        )
        self.rnn = nn.LSTM(hidden, hidden, num_layers=2, batch_first=True, bidirectional=True)
        self.norm = nn.LayerNorm(2 * hidden)
        self.ctc_lin = nn.Linear(2 * hidden, n_tokens)

    def forward(self, feats):
        x = self.cnn(feats.transpose(1, 2)).transpose(1, 2)
        x, _ = self.rnn(x)
        return self.ctc_lin(self.norm(x)).log_softmax(-1)


def fit(hparams):
    modules = CRDNNEncoder(n_tokens=hparams["output_neurons"])
    param_groups = rm_weight_decay_bias_and_norm_params(modules, hparams["weight_decay"])
    optimizer = torch.optim.SGD(param_groups, lr=hparams["lr"], momentum=0.9, nesterov=True)
    ctc = nn.CTCLoss(blank=hparams["blank_index"], zero_infinity=True)
    for epoch in range(hparams["number_of_epochs"]):
        for feats, feat_lens, tokens, token_lens in hparams["train_loader"]:
            optimizer.zero_grad()
            log_probs = modules(feats)
            loss = ctc(log_probs.transpose(0, 1), tokens, feat_lens, token_lens)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(modules.parameters(), 5.0)
            optimizer.step()


if __name__ == "__main__":
    hparams = load_hparams(sys.argv[1])
    hparams.setdefault("weight_decay", 1e-4)
    hparams.setdefault("lr", 0.1)
    fit(hparams)
