# Idiom seen in: AIStream-Peelout/flow-forecast flood_forecast/time_model.py
# Idiom seen in: AIStream-Peelout/flow-forecast flood_forecast/basic/lstm_vanilla.py
# Idiom seen in: AIStream-Peelout/flow-forecast flood_forecast/model_dict_function.py
# What it reproduces: the registry dicts (model name -> class, optimizer name -> torch.optim class) and the
#   PyTorchForecast wrapper whose .model is built from the JSON-style config; the LSTM model has biases.
import torch
from torch import nn
from torch.optim import SGD, Adam, AdamW


class LSTMForecast(nn.Module):
    def __init__(self, seq_length, n_time_series, output_seq_len=1, hidden_states=20, num_layers=2,
                 bias=True, batch_size=100, probabilistic=False):
        super().__init__()
        self.forecast_history = seq_length
        self.n_time_series = n_time_series
        self.hidden_dim = hidden_states
        self.num_layers = num_layers
        self.lstm = nn.LSTM(n_time_series, hidden_states, num_layers, bias=bias, batch_first=True)
        self.final_layer = nn.Linear(seq_length * hidden_states, output_seq_len)

    def forward(self, x):
        batch_size = x.size(0)
        out, _ = self.lstm(x)
        return self.final_layer(out.contiguous().view(batch_size, -1))


pytorch_model_dict = {"LSTM": LSTMForecast}
pytorch_opt_dict = {"Adam": Adam, "SGD": SGD, "AdamW": AdamW}


class PyTorchForecast(object):
    def __init__(self, model_base, training_data, validation_data, test_data, params):
        self.params = params
        self.device = 'cuda' if torch.cuda.is_available() else 'cpu'
        self.model = pytorch_model_dict[model_base](**params["model_params"]).to(self.device)
        self.training = training_data
        self.validation = validation_data
        self.test_data = test_data

    def save_model(self, final_path, epoch):
        torch.save(self.model.state_dict(), final_path + "_epoch_" + str(epoch) + ".pth")
