# Idiom seen in: bes-dev/crnn-pytorch models/crnn.py
# What it reproduces: CRNN text recognizer (resnet trunk with BatchNorm, GRU, Linear head);
# the training script hands all of its parameters to Adam with coupled weight_decay.
import string

import numpy as np
import torch
import torch.nn as nn
import torchvision.models as models


class CRNN(nn.Module):
    def __init__(self, abc=string.digits, backend='resnet18', rnn_hidden_size=128,
                 rnn_num_layers=2, rnn_dropout=0, seq_proj=(0, 0)):
        super(CRNN, self).__init__()
        self.abc = abc
        self.num_classes = len(self.abc)
        trunk = getattr(models, backend)(pretrained=True)
        self.cnn = nn.Sequential(trunk.conv1, trunk.bn1, trunk.relu, trunk.maxpool,
                                 trunk.layer1, trunk.layer2, trunk.layer3, trunk.layer4)
        self.fully_conv = seq_proj[0] == 0
        if not self.fully_conv:
            self.proj = nn.Conv2d(seq_proj[0], seq_proj[1], kernel_size=1)
        self.rnn_hidden_size = rnn_hidden_size
        self.rnn_num_layers = rnn_num_layers
        self.rnn = nn.GRU(512, rnn_hidden_size, rnn_num_layers, batch_first=False,
                          dropout=rnn_dropout, bidirectional=True)
        self.linear = nn.Linear(rnn_hidden_size * 2, self.num_classes + 1)
        self.softmax = nn.Softmax(dim=2)

    def forward(self, x, decode=False):
        h0 = torch.zeros(self.rnn_num_layers * 2, x.size(0), self.rnn_hidden_size, device=x.device)
        features = self.features_to_sequence(self.cnn(x))
        seq, _ = self.rnn(features, h0)
        seq = self.linear(seq)
        if not self.training:
            seq = self.softmax(seq)
            if decode:
                seq = self.decode(seq)
        return seq

    def features_to_sequence(self, features):
        b, c, h, w = features.size()
        assert h == 1, "the height of out must be 1"
        if not self.fully_conv:
            features = self.proj(features.permute(0, 3, 2, 1)).permute(1, 0, 2, 3)
        else:
            features = features.permute(3, 0, 2, 1)
        return features.squeeze(2)

    def pred_to_string(self, pred):
        seq = [int(np.argmax(pred[i])) - 1 for i in range(pred.shape[0])]
        out = []
        for i, s in enumerate(seq):
            if s != -1 and (i == 0 or s != seq[i - 1]):
                out.append(s)
        return ''.join(self.abc[i] for i in out)

    def decode(self, pred):
        pred = pred.permute(1, 0, 2).cpu().data.numpy()
        return [self.pred_to_string(pred[i]) for i in range(pred.shape[0])]
