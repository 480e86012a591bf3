# Idiom seen in: SeanNaren/deepspeech.pytorch deepspeech_pytorch/model.py
# Idiom seen in: SeanNaren/deepspeech.pytorch deepspeech_pytorch/configs/train_config.py
# What it reproduces: LightningModule whose configure_optimizers gives self.parameters() as one
#   decayed group to SGD (nesterov) or AdamW: conv/RNN biases and the BatchNorm weights of the conv
#   stack, the RNN input norms and the final SequenceWise BatchNorm all get weight_decay (WD203, both
#   branches, whichever optimizer config is chosen). Real repo behaviour.
import math

import pytorch_lightning as pl
import torch
import torch.nn as nn

from train_config import SGDConfig, AdamConfig


class SequenceWise(nn.Module):
    def __init__(self, module):
        super(SequenceWise, self).__init__()
        self.module = module

    def forward(self, x):
        t, n = x.size(0), x.size(1)
        x = x.view(t * n, -1)
        x = self.module(x)
        return x.view(t, n, -1)


class BatchRNN(nn.Module):
    def __init__(self, input_size, hidden_size, batch_norm=True):
        super(BatchRNN, self).__init__()
        self.batch_norm = SequenceWise(nn.BatchNorm1d(input_size)) if batch_norm else None
        self.rnn = nn.LSTM(input_size=input_size, hidden_size=hidden_size,
                           bidirectional=True, bias=True)

    def forward(self, x, output_lengths):
        if self.batch_norm is not None:
            x = self.batch_norm(x)
        x = nn.utils.rnn.pack_padded_sequence(x, output_lengths, enforce_sorted=False)
        x, _ = self.rnn(x)
        x, _ = nn.utils.rnn.pad_packed_sequence(x)
        return x.view(x.size(0), x.size(1), 2, -1).sum(2)


class DeepSpeech(pl.LightningModule):
    def __init__(self, labels, model_cfg, optim_cfg, spect_cfg):
        super(DeepSpeech, self).__init__()
        self.optim_cfg = optim_cfg
        self.conv = nn.Sequential(
            nn.Conv2d(1, 32, kernel_size=(41, 11), stride=(2, 2), padding=(20, 5)),
            nn.BatchNorm2d(32),
            nn.Hardtanh(0, 20, inplace=True),
            nn.Conv2d(32, 32, kernel_size=(21, 11), stride=(2, 1), padding=(10, 5)),
            nn.BatchNorm2d(32),
            nn.Hardtanh(0, 20, inplace=True),
        )
        rnn_input_size = int(math.floor((spect_cfg.sample_rate * spect_cfg.window_size) / 2) + 1)
        rnn_input_size = int(math.floor(rnn_input_size + 2 * 20 - 41) / 2 + 1)
        rnn_input_size = int(math.floor(rnn_input_size + 2 * 10 - 21) / 2 + 1)
        rnn_input_size *= 32
        self.rnns = nn.ModuleList(
            [BatchRNN(rnn_input_size, model_cfg.hidden_size, batch_norm=False)] +
            [BatchRNN(model_cfg.hidden_size, model_cfg.hidden_size)
             for _ in range(model_cfg.hidden_layers - 1)])
        self.fc = SequenceWise(nn.Sequential(
            nn.BatchNorm1d(model_cfg.hidden_size),
            nn.Linear(model_cfg.hidden_size, len(labels), bias=False)))
        self.criterion = nn.CTCLoss(blank=0, reduction='sum', zero_infinity=True)

    def forward(self, x, lengths):
        output_lengths = lengths.cpu().int()
        x = self.conv(x)
        sizes = x.size()
        x = x.view(sizes[0], sizes[1] * sizes[2], sizes[3]).transpose(1, 2).transpose(0, 1).contiguous()
        for rnn in self.rnns:
            x = rnn(x, output_lengths)
        x = self.fc(x)
        return x.log_softmax(-1), output_lengths

    def training_step(self, batch, batch_idx):
        inputs, targets, input_percentages, target_sizes = batch
        input_sizes = input_percentages.mul_(int(inputs.size(3))).int()
        out, output_sizes = self(inputs, input_sizes)
        loss = self.criterion(out, targets, output_sizes, target_sizes)
        self.log('train_loss', loss)
        return loss

    def on_after_backward(self):
        torch.nn.utils.clip_grad_norm_(parameters=self.parameters(), max_norm=self.optim_cfg.max_norm)

    def configure_optimizers(self):
        if isinstance(self.optim_cfg, SGDConfig):
            optimizer = torch.optim.SGD(
                params=self.parameters(),  # expect: WD203
                lr=self.optim_cfg.learning_rate,
                momentum=self.optim_cfg.momentum,
                nesterov=True,
                weight_decay=self.optim_cfg.weight_decay
            )
        elif isinstance(self.optim_cfg, AdamConfig):
            optimizer = torch.optim.AdamW(
                params=self.parameters(),  # expect: WD203
                lr=self.optim_cfg.learning_rate,
                betas=self.optim_cfg.betas,
                eps=self.optim_cfg.eps,
                weight_decay=self.optim_cfg.weight_decay
            )
        else:
            raise ValueError("Optimizer has not been specified correctly.")
        scheduler = torch.optim.lr_scheduler.ExponentialLR(
            optimizer=optimizer, gamma=self.optim_cfg.learning_anneal)
        return [optimizer], [scheduler]
