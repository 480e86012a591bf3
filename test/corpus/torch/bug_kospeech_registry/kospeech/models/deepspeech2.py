# Idiom seen in: sooftware/kospeech kospeech/models/deepspeech2/model.py
# What it reproduces: DeepSpeech2 acoustic model: 2D conv front end with BatchNorm2d, bidirectional GRU
#   layers, and a BatchNorm1d + Linear classifier emitting CTC log-probabilities.
import torch
import torch.nn as nn
import torch.nn.functional as F


class DeepSpeech2(nn.Module):
    def __init__(self, input_dim, num_classes, rnn_type='gru', num_rnn_layers=3,
                 rnn_hidden_dim=512, dropout_p=0.1, bidirectional=True):
        super(DeepSpeech2, self).__init__()
        self.conv = nn.Sequential(
            nn.Conv2d(1, 32, kernel_size=(41, 11), stride=(2, 2), padding=(20, 5), bias=False),
            nn.BatchNorm2d(32),
            nn.Hardtanh(0, 20, inplace=True),
            nn.Conv2d(32, 32, kernel_size=(21, 11), stride=(2, 1), padding=(10, 5), bias=False),
            nn.BatchNorm2d(32),
            nn.Hardtanh(0, 20, inplace=True),
        )
        rnn_input_dim = 32 * ((input_dim + 1) // 4)
        rnn_output_size = rnn_hidden_dim << 1 if bidirectional else rnn_hidden_dim
        self.rnn = nn.GRU(rnn_input_dim, rnn_hidden_dim, num_layers=num_rnn_layers, batch_first=True,
                          dropout=dropout_p, bidirectional=bidirectional)
        self.fc_norm = nn.BatchNorm1d(rnn_output_size)
        self.fc = nn.Linear(rnn_output_size, num_classes, bias=False)

    def forward(self, inputs, input_lengths):
        outputs = self.conv(inputs.unsqueeze(1).transpose(2, 3))
        batch_size, channels, dimension, seq_lengths = outputs.size()
        outputs = outputs.permute(0, 3, 1, 2).reshape(batch_size, seq_lengths, channels * dimension)
        outputs, _ = self.rnn(outputs)
        outputs = self.fc_norm(outputs.transpose(1, 2)).transpose(1, 2)
        outputs = self.fc(outputs)
        return F.log_softmax(outputs, dim=-1), (input_lengths + 1) // 4
