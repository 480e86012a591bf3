# Idiom seen in: tutur90/Cerebro main.py
# What it reproduces: a Lightning LSTM price forecaster configured from a YAML hparams file. Realistic mistake in
#   that idiom (the repository itself has no decay): the user adds an explicit L2 penalty in _shared_step AND
#   weight_decay on Adam, so the same weights are decayed twice (WD201); Adam's weight_decay is coupled L2
#   (WD202) and self.parameters() also decays the LSTM/Linear biases (WD203).
from argparse import ArgumentParser

import lightning as L
import pandas as pd
import torch
import yaml
from lightning.pytorch.loggers import TensorBoardLogger
from torch.utils.data import DataLoader, Dataset


class TimeSeriesModel(L.LightningModule):
    def __init__(self, input_dim=4, hidden_dim=32, output_dim=4, lr=0.002, weight_decay=1e-5, l2_lambda=1e-4):
        super().__init__()
        self.save_hyperparameters()  # input args -> self.hparams
        self.lstm = torch.nn.LSTM(input_dim, hidden_dim, batch_first=True)
        self.fc = torch.nn.Linear(hidden_dim, output_dim)

    def forward(self, x):
        x_last = x[:, -1, :]
        x_centered = x - x_last.unsqueeze(1)
        _, (hidden, _) = self.lstm(x_centered)
        return self.fc(hidden[-1]) + x_last

    def _shared_step(self, batch, stage):
        inputs, targets = batch
        outputs = self(inputs)
        mse = torch.nn.functional.mse_loss(outputs, targets)
        l2 = sum(p.pow(2).sum() for p in self.parameters())  # expect: WD201
        loss = mse + self.hparams.l2_lambda * l2
        self.log(f"{stage}_mse", mse, on_step=False, on_epoch=True)
        self.log(f"{stage}_loss", loss, on_step=False, on_epoch=True, prog_bar=True)
        return loss

    def training_step(self, batch, batch_idx):
        return self._shared_step(batch, "train")

    def validation_step(self, batch, batch_idx):
        return self._shared_step(batch, "val")

    def configure_optimizers(self):
        return torch.optim.Adam(self.parameters(), lr=self.hparams.lr,  # expect: WD203
                                weight_decay=self.hparams.weight_decay)  # expect: WD202


class StockDataset(Dataset):
    def __init__(self, data, seq_length=5):
        self.data = torch.tensor(data.values, dtype=torch.float32)
        self.seq_length = seq_length

    def __len__(self):
        return len(self.data) - self.seq_length

    def __getitem__(self, index):
        return self.data[index:index + self.seq_length], self.data[index + self.seq_length]


class TimeSeriesDataModule(L.LightningDataModule):
    def __init__(self, csv_path, seq_length, batch_size, val_split=0.2, num_workers=4):
        super().__init__()
        self.csv_path, self.seq_length, self.batch_size = csv_path, seq_length, batch_size
        self.val_split, self.num_workers = val_split, num_workers

    def setup(self, stage=None):
        df = pd.read_csv(self.csv_path, index_col="Date").sort_index()
        val_len = int(len(df) * self.val_split)
        self.train_dataset = StockDataset(df[:-val_len], self.seq_length)
        self.val_dataset = StockDataset(df[-val_len:], self.seq_length)

    def train_dataloader(self):
        return DataLoader(self.train_dataset, batch_size=self.batch_size, shuffle=True, num_workers=self.num_workers)

    def val_dataloader(self):
        return DataLoader(self.val_dataset, batch_size=self.batch_size, num_workers=self.num_workers)


def load_config(path):
    with open(path, encoding="utf-8") as f:
        return yaml.safe_load(f)


def main():
    parser = ArgumentParser()
    parser.add_argument("hparams", type=str, default="hparams/train.yaml", help="Path to the configuration file.")
    args = parser.parse_args()
    hparams = load_config(args.hparams)
    L.seed_everything(hparams["seed"])

    logger = TensorBoardLogger(save_dir="logs", name=hparams.get("experiment_name", "time_series_experiment"))
    dm = TimeSeriesDataModule(**hparams["data"])
    model = TimeSeriesModel(**hparams["model"])
    trainer = L.Trainer(logger=logger, **hparams["trainer"])
    trainer.fit(model, dm)


if __name__ == "__main__":
    main()
