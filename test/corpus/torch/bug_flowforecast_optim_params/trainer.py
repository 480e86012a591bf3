# Idiom seen in: AIStream-Peelout/flow-forecast flood_forecast/trainer.py
# Idiom seen in: AIStream-Peelout/flow-forecast README.md (example JSON config)
# What it reproduces: river-flow forecasting run configured by a JSON-style dict: "optimizer": "Adam" with
#   "optim_params": {"lr": ..., "weight_decay": 1e-4}; the weight_decay entry is coupled L2 under Adam (WD202).
import argparse
import json

from data_loaders import CSVDataLoader
from pytorch_training import train_transformer_style
from time_model import PyTorchForecast

config = {
    "model_name": "LSTM",
    "model_type": "PyTorch",
    "model_params": {
        "seq_length": 20,
        "n_time_series": 3,
        "output_seq_len": 1,
        "hidden_states": 64,
        "num_layers": 2,
    },
    "dataset_params": {
        "class": "default",
        "training_path": "data/keag_small.csv",
        "validation_path": "data/keag_small.csv",
        "test_path": "data/keag_small.csv",
        "forecast_history": 20,
        "forecast_length": 1,
        "relevant_cols": ["cfs", "precip", "temp"],
        "target_col": ["cfs"],
    },
    "training_params": {
        "criterion": "MSE",
        "optimizer": "Adam",
        "optim_params": {
            "lr": 0.001,
            "weight_decay": 1e-4,  # expect: WD202
        },
        "epochs": 10,
        "batch_size": 4,
        "name": "keag_lstm",
    },
}


def make_data(params, split):
    dp = params["dataset_params"]
    return CSVDataLoader(dp[split + "_path"], dp["forecast_history"], dp["forecast_length"],
                         dp["target_col"], dp["relevant_cols"])


def train_function(model_type, params):
    if model_type == "PyTorch":
        trained_model = PyTorchForecast(params["model_name"], make_data(params, "training"),
                                        make_data(params, "validation"), make_data(params, "test"), params)
        train_transformer_style(trained_model, params["training_params"], forward_params={})
        return trained_model
    raise NotImplementedError(model_type)


def main():
    parser = argparse.ArgumentParser(description="Argument parsing for training and eval")
    parser.add_argument("-p", "--params", help="Path to model config file (overrides the built-in example)")
    args = parser.parse_args()
    params = config
    if args.params:
        with open(args.params) as f:
            params = json.load(f)
    train_function(params["model_type"], params)
    print("Process is now complete.")


if __name__ == "__main__":
    main()
