# Idiom seen in: richardhoehn/mtsu.csci.7850.project src/App_LSTM_Model.py
# What it reproduces: the course-project demand-forecasting LSTM_Model gets an explicit l2_lambda * sum(p^2)
#   in training_step while configure_optimizers already uses AdamW(weight_decay=...): double decay on the
#   same parameters, and the single AdamW group decays the LSTM and Linear biases too (user mistake).
import argparse

import lightning.pytorch as pl
import torch
import torch.nn as nn

from App_Data_Processor import DemandDataModule  # data module of the project, not part of this file


class LSTM_Model(pl.LightningModule):
    def __init__(self, input_size=1, hidden_size=50, num_layers=1, dropout=0.1,
                 learning_rate=0.001, weight_decay=1e-2, l2_lambda=1e-5):
        super(LSTM_Model, self).__init__()
        self.save_hyperparameters()
        self.learning_rate = learning_rate
        self.weight_decay = weight_decay
        self.l2_lambda = l2_lambda
        self.lstm = nn.LSTM(input_size, hidden_size, num_layers, batch_first=True, dropout=dropout)
        self.fc = nn.Linear(hidden_size, input_size)
        self.loss = nn.MSELoss()

    def configure_optimizers(self):
        optimizer = torch.optim.AdamW(self.parameters(), lr=self.learning_rate, weight_decay=self.weight_decay)  # expect: WD203
        return optimizer

    def forward(self, x):
        y, _ = self.lstm(x)
        return self.fc(y[:, -1, :])

    def training_step(self, train_batch, batch_idx):
        x, y_true = train_batch
        y_pred = self(x)
        loss = self.loss(y_pred, y_true)
        l2_norm = sum(p.pow(2.0).sum() for p in self.parameters())  # expect: WD201
        loss = loss + self.l2_lambda * l2_norm
        self.log('train_loss', loss, on_step=False, on_epoch=True)
        return loss

    def validation_step(self, val_batch, batch_idx):
        x, y_true = val_batch
        loss = self.loss(self(x), y_true)
        self.log('val_loss', loss, on_step=False, on_epoch=True)
        return loss


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--epochs", type=int, default=30)
    parser.add_argument("--sequence_length", type=int, default=24)
    args = parser.parse_args()

    data = DemandDataModule(sequence_length=args.sequence_length, batch_size=64)
    model = LSTM_Model(input_size=1, hidden_size=50, num_layers=2)
    logger = pl.loggers.CSVLogger("./lstm-logger", name="LSTM-Project", version="1.0.0")
    trainer = pl.Trainer(max_epochs=args.epochs, logger=logger, enable_progress_bar=True)
    trainer.fit(model, datamodule=data)
    torch.save(model.state_dict(), "lstm-model.pth")
