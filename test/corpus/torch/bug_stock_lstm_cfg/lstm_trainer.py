# Idiom seen in: NhanBuiDuc/stock-trend-prediction trainer/lstm_trainer.py
# Idiom seen in: NhanBuiDuc/stock-trend-prediction configs/lstm_config.py
# What it reproduces: the trainer reads optimizer name and weight_decay from the config dict and builds
#   optim.Adam(self.model.parameters(), weight_decay=...): coupled L2 under Adam (WD202) applied to every
#   LSTM/Linear bias as well (WD203). The SGD branch is never taken with this config.
import sys

import torch
import torch.nn as nn
import torch.optim as optim
from torch.optim.lr_scheduler import ReduceLROnPlateau

from lstm_config import lstm_cf as cf
from dataset import PriceAndIndicatorsDataset, make_loaders
from loss import FocalLoss


class LSTMClassifier(nn.Module):
    def __init__(self, num_feature, hidden_size, num_layers, drop_out):
        super().__init__()
        self.lstm = nn.LSTM(num_feature, hidden_size, num_layers=num_layers,
                            batch_first=True, dropout=drop_out)
        self.fc = nn.Linear(hidden_size, 1)

    def forward(self, x):
        out, _ = self.lstm(x)
        return torch.sigmoid(self.fc(out[:, -1, :]))


class lstm_trainer:
    def __init__(self, num_feature=807):
        self.config = cf
        training = self.config["training"]
        model_cfg = self.config["model"]
        self.optimizer_name = training["optimizer"]
        self.learning_rate = training["learning_rate"]
        self.weight_decay = training["weight_decay"]
        self.num_epoch = training["num_epoch"]
        self.device = training["device"]
        self.loss = training["loss"]
        self.scheduler_step_size = training["scheduler_step_size"]
        self.model = LSTMClassifier(num_feature, model_cfg["hidden_size"],
                                    model_cfg["num_layers"], model_cfg["drop_out"])
        self.train_dataloader, self.valid_dataloader = make_loaders(
            PriceAndIndicatorsDataset(model_cfg["symbol"]), training["batch_size"])

    def train(self):
        if "bce" in self.loss:
            criterion = nn.BCELoss()
        elif "focal" in self.loss:
            criterion = FocalLoss(alpha=0.5, gamma=2)
        else:
            criterion = nn.MSELoss()
        if "adam" in self.optimizer_name:
            optimizer = optim.Adam(self.model.parameters(), lr=self.learning_rate,  # expect: WD203
                                   weight_decay=self.weight_decay)  # expect: WD202
        elif "sgd" in self.optimizer_name:
            optimizer = optim.SGD(self.model.parameters(), lr=self.learning_rate,
                                  weight_decay=self.weight_decay)
        scheduler = ReduceLROnPlateau(optimizer, mode='min', factor=0.1,
                                      patience=self.scheduler_step_size)
        self.model.to(self.device)
        best_loss = sys.float_info.max
        for epoch in range(self.num_epoch):
            train_loss = self.run_epoch(self.train_dataloader, optimizer, criterion, True)
            val_loss = self.run_epoch(self.valid_dataloader, optimizer, criterion, False)
            scheduler.step(val_loss)
            if val_loss < best_loss:
                best_loss = val_loss
                torch.save({"state_dict": self.model.state_dict()}, "./models/lstm_best.pth")
            print(f"epoch {epoch}: train {train_loss:.4f} valid {val_loss:.4f}")

    def run_epoch(self, dataloader, optimizer, criterion, is_training):
        epoch_loss = 0.0
        self.model.train() if is_training else self.model.eval()
        for x_stock, y in dataloader:
            x_stock, y = x_stock.to(self.device), y.to(self.device)
            if is_training:
                optimizer.zero_grad()
            out = self.model(x_stock)
            loss = criterion(out, y)
            if is_training:
                loss.backward()
                optimizer.step()
            epoch_loss += loss.detach().item()
        return epoch_loss


if __name__ == "__main__":
    lstm_trainer().train()
