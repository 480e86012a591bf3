# Idiom seen in: funcwj/aps aps/trainer/base.py
# Idiom seen in: funcwj/aps doc/enhancement.md
# What it reproduces: the training entry point: a frequency-domain LSTM mask estimator wrapped in a
# spectrum-approximation task, handed to Trainer(**trainer_conf) whose "adam" + weight_decay
# recipe gives coupled L2 on every parameter (see conf.py and trainer.py).
import argparse

import torch as th
import torch.nn as nn

from conf import data_conf, nnet_conf, task_conf, trainer_conf
from trainer import Trainer
from aps_loader import support_loader  # data pipeline, not part of this workspace


class FreqToyRNN(nn.Module):
    def __init__(self, input_size=257, num_bins=257, rnn="lstm", rnn_layers=3, rnn_hidden=512,
                 rnn_dropout=0.2, rnn_bidir=True, output_nonlinear="relu"):
        super(FreqToyRNN, self).__init__()
        self.rnn = nn.LSTM(input_size, rnn_hidden, num_layers=rnn_layers, batch_first=True,
                           dropout=rnn_dropout, bidirectional=rnn_bidir)
        self.proj = nn.Linear(rnn_hidden * 2 if rnn_bidir else rnn_hidden, num_bins)
        self.non_linear = th.relu if output_nonlinear == "relu" else th.sigmoid

    def forward(self, feats):
        x, _ = self.rnn(feats)
        return self.non_linear(self.proj(x))


class SpectraApproxTask(nn.Module):
    def __init__(self, nnet, num_spks=1, permute=False, truncated=1, phase_sensitive=True):
        super(SpectraApproxTask, self).__init__()
        self.nnet = nnet
        self.truncated = truncated
        self.phase_sensitive = phase_sensitive

    def forward(self, egs):
        mix_mag, ref_mag, cos_diff = egs["mix_mag"], egs["ref_mag"], egs["cos_diff"]
        mask = self.nnet(th.log1p(mix_mag))
        target = ref_mag * cos_diff if self.phase_sensitive else ref_mag
        target = th.clamp(target, 0, self.truncated * mix_mag)
        loss = th.mean((mask * mix_mag - target) ** 2)
        return {"loss": loss}


def run(args):
    nnet = FreqToyRNN(**nnet_conf)
    task = SpectraApproxTask(nnet, **task_conf)
    trn_loader = support_loader(**data_conf["train"], **data_conf["loader"], batch_size=args.batch_size)
    dev_loader = support_loader(**data_conf["valid"], **data_conf["loader"], batch_size=args.batch_size)
    trainer = Trainer(task, device_ids=args.device_id, checkpoint=args.checkpoint, **trainer_conf)
    trainer.run(trn_loader, dev_loader, num_epochs=args.epochs)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="Train speech enhancement model")
    parser.add_argument("--checkpoint", type=str, default="exp/enh_egs/1a")
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--epochs", type=int, default=50)
    parser.add_argument("--device-id", type=int, default=0)
    run(parser.parse_args())
