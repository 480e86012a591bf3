# Idiom seen in: unit8co/darts darts/models/forecasting/nbeats.py
# What it reproduces: a compact N-BEATS generic stack as a PLForecastingModule subclass (fully connected
# blocks with backcast/forecast heads); it forwards the optimizer settings to the base module.
import torch
import torch.nn as nn

from pl_forecasting_module import PLForecastingModule


class _Block(nn.Module):
    def __init__(self, input_chunk_length, output_chunk_length, layer_width, num_layers):
        super().__init__()
        layers = [nn.Linear(input_chunk_length, layer_width), nn.ReLU()]
        for _ in range(num_layers - 1):
            layers += [nn.Linear(layer_width, layer_width), nn.ReLU()]
        self.fc_stack = nn.Sequential(*layers)
        self.backcast_linear = nn.Linear(layer_width, input_chunk_length)
        self.forecast_linear = nn.Linear(layer_width, output_chunk_length)

    def forward(self, x):
        h = self.fc_stack(x)
        return self.backcast_linear(h), self.forecast_linear(h)


class _NBEATSModule(PLForecastingModule):
    def __init__(self, num_blocks=3, num_layers=4, layer_width=256, **kwargs):
        super().__init__(**kwargs)
        self.blocks = nn.ModuleList([
            _Block(self.input_chunk_length, self.output_chunk_length, layer_width, num_layers)
            for _ in range(num_blocks)
        ])

    def forward(self, x):
        y = torch.zeros(x.shape[0], self.output_chunk_length, device=x.device)
        for block in self.blocks:
            x_hat, y_hat = block(x)
            y = y + y_hat
            x = x - x_hat
        return y

    def _produce_train_output(self, input_batch):
        past_target = input_batch[0]
        return self(past_target.squeeze(-1))
