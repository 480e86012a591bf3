# Idiom seen in: gianlucamazza/lstm_forecast src/lstm_forecast/train.py
# What it reproduces: stock-price LSTM forecaster whose train_model() builds torch.optim.Adam(model.parameters(),
#   weight_decay=weight_decay) with the config's model_settings weight_decay (1e-5): coupled L2 under Adam,
#   applied to the LSTM/Linear biases and BatchNorm too.
import json


class Config:
    def __init__(self, config_file: str):
        with open(config_file, "r") as f:
            raw = json.load(f)
        self.data_settings = raw["data_settings"]
        self.training_settings = {"epochs": 150, "model_dir": "models", "batch_size": 64}
        self.model_settings = {
            "hidden_size": 128,
            "num_layers": 2,
            "dropout": 0.2,
            "learning_rate": 0.001,
            "weight_decay": 1e-5,
            "clip_value": 1.0,
            "sequence_length": 120,
        }
