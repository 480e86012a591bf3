# Idiom seen in: gianlucamazza/lstm_forecast src/train.py
# What it reproduces: the project's early training script: JSON config, Adam without weight decay,
#   ReduceLROnPlateau and early stopping on an LSTM price predictor: no decay anywhere, clean.
import argparse
import json
import time

import torch
import torch.nn as nn
import torch.optim as optim

from data_loader import get_data, preprocess_data, split_data
from model import EarlyStopping, PricePredictor

device = torch.device('cuda' if torch.cuda.is_available() else 'cpu')


def train_model(symbol, _model, _train_loader, _val_loader, num_epochs, _learning_rate, _model_path):
    criterion = nn.MSELoss()
    optimizer = optim.Adam(_model.parameters(), lr=_learning_rate)
    scheduler = optim.lr_scheduler.ReduceLROnPlateau(optimizer, 'min', patience=5, factor=0.5)
    early_stopping = EarlyStopping(patience=10, delta=0)
    best_model, best_val_loss = None, float('inf')
    for epoch in range(num_epochs):
        _model.train()
        train_loss = 0.0
        for x_batch, y_batch in _train_loader:
            x_batch, y_batch = x_batch.to(device), y_batch.to(device)
            optimizer.zero_grad()
            loss = criterion(_model(x_batch), y_batch.unsqueeze(1))
            loss.backward()
            optimizer.step()
            train_loss += loss.item()
        _model.eval()
        val_loss = 0.0
        with torch.no_grad():
            for x_val, y_val in _val_loader:
                val_loss += criterion(_model(x_val.to(device)), y_val.to(device).unsqueeze(1)).item()
        train_loss /= len(_train_loader)
        val_loss /= len(_val_loader)
        scheduler.step(val_loss)
        early_stopping(val_loss)
        print(f'Epoch {epoch + 1}, Train Loss: {train_loss:.4f}, Validation Loss: {val_loss:.4f}')
        if val_loss < best_val_loss:
            best_val_loss, best_model = val_loss, _model.state_dict()
        if early_stopping.early_stop:
            break
    if best_model is not None:
        torch.save(best_model, f'{_model_path}/{symbol}_model.pth')


if __name__ == '__main__':
    arg_parser = argparse.ArgumentParser()
    arg_parser.add_argument('--config', type=str, required=True)
    args = arg_parser.parse_args()
    with open(args.config) as f:
        config = json.load(f)
    historical_data = get_data(config['ticker'], config['start_date'], time.strftime('%Y-%m-%d'),
                               config['indicator_windows'])
    X, y, scaler, selected_features = preprocess_data(historical_data, config['target'],
                                                      look_back=config['look_back'],
                                                      look_forward=config['look_forward'],
                                                      features=config['features'])
    train_loader, val_loader = split_data(X, y, batch_size=config['batch_size'])
    model = PricePredictor(input_size=len(selected_features)).to(device)
    train_model(config['symbol'], model, train_loader, val_loader, num_epochs=config['epochs'],
                _learning_rate=config['learning_rate'], _model_path=config['model_path'])
