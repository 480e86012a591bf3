# Idiom seen in: gianlucamazza/lstm_forecast src/lstm_forecast/train.py
# What it reproduces: stock-price LSTM forecaster whose train_model() builds torch.optim.Adam(model.parameters(),
#   weight_decay=weight_decay) with the config's model_settings weight_decay (1e-5): coupled L2 under Adam,
#   applied to the LSTM/Linear biases and BatchNorm too.
import argparse
import os

import torch

from config import Config
from model import PricePredictor, init_weights
from lstm_forecast.data_loader import load_and_preprocess_data
from lstm_forecast.early_stopping import EarlyStopping

device = torch.device("cuda" if torch.cuda.is_available() else "cpu")


def initialize_model(config) -> PricePredictor:
    dropout = config.model_settings["dropout"] if config.model_settings["num_layers"] > 1 else 0
    model = PricePredictor(
        input_size=len(config.data_settings["selected_features"]),
        hidden_size=config.model_settings["hidden_size"],
        num_layers=config.model_settings["num_layers"],
        dropout=dropout,
        fc_output_size=len(config.data_settings["targets"]),
    ).to(device)
    model.apply(init_weights)
    return model


def run_training_epoch(model, loader, loss_fn, optimizer, clip_value=None):
    model.train()
    total = 0.0
    for x_batch, y_batch in loader:
        x_batch, y_batch = x_batch.to(device), y_batch.to(device)
        optimizer.zero_grad()
        loss = loss_fn(model(x_batch), y_batch)
        loss.backward()
        if clip_value is not None:
            torch.nn.utils.clip_grad_norm_(model.parameters(), clip_value)
        optimizer.step()
        total += loss.item()
    return total / len(loader)


def train_model(config, model, train_loader, val_loader, num_epochs, learning_rate, model_dir,
                weight_decay, fold_idx=None):
    optimizer = torch.optim.Adam(model.parameters(),  # expect: WD203
                                 lr=learning_rate,
                                 weight_decay=weight_decay)  # expect: WD202
    loss_fn = torch.nn.MSELoss()
    early_stopping = EarlyStopping(patience=10, verbose=True,
                                   path=os.path.join(model_dir, f"fold_{fold_idx}.pth"))
    for epoch in range(num_epochs):
        train_loss = run_training_epoch(model, train_loader, loss_fn, optimizer,
                                        clip_value=config.model_settings.get("clip_value"))
        model.eval()
        with torch.no_grad():
            val_loss = sum(loss_fn(model(x.to(device)), y.to(device)).item() for x, y in val_loader)
        val_loss /= len(val_loader)
        print(f"Fold {fold_idx}, Epoch {epoch + 1}: train {train_loss:.4f} val {val_loss:.4f}")
        early_stopping(val_loss, model)
        if early_stopping.early_stop:
            break


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", type=str, required=True)
    args = parser.parse_args()
    config = Config(args.config)
    train_val_loaders, _, _, _, _, _ = load_and_preprocess_data(config)
    for fold_idx, (train_loader, val_loader) in enumerate(train_val_loaders, 1):
        model = initialize_model(config)
        train_model(config, model, train_loader, val_loader,
                    num_epochs=config.training_settings["epochs"],
                    learning_rate=config.model_settings.get("learning_rate", 0.001),
                    model_dir=config.training_settings["model_dir"],
                    weight_decay=config.model_settings.get("weight_decay", 0.0),
                    fold_idx=fold_idx)


if __name__ == "__main__":
    main()
