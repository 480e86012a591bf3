# Idiom seen in: gianlucamazza/lstm_forecast src/lstm_forecast/train.py
# What it reproduces: stock-price LSTM forecaster whose train_model() builds torch.optim.Adam(model.parameters(),
#   weight_decay=weight_decay) with the config's model_settings weight_decay (1e-5): coupled L2 under Adam,
#   applied to the LSTM/Linear biases and BatchNorm too.
import torch
import torch.nn as nn


class PricePredictor(nn.Module):
    def __init__(self, input_size, hidden_size, num_layers, dropout, fc_output_size):
        super(PricePredictor, self).__init__()
        self.lstm = nn.LSTM(input_size, hidden_size, num_layers, batch_first=True, dropout=dropout)
        self.batch_norm = nn.BatchNorm1d(hidden_size)
        self.dropout = nn.Dropout(dropout)
        self.fc = nn.Linear(hidden_size, fc_output_size)

    def forward(self, x):
        out, _ = self.lstm(x)
        out = self.batch_norm(out[:, -1, :])
        return self.fc(self.dropout(out))


def init_weights(m):
    if isinstance(m, nn.Linear):
        nn.init.xavier_uniform_(m.weight)
        nn.init.zeros_(m.bias)
    elif isinstance(m, nn.LSTM):
        for name, param in m.named_parameters():
            if "weight" in name:
                nn.init.orthogonal_(param)
            else:
                nn.init.zeros_(param)
