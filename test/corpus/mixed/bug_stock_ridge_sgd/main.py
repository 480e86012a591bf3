# Idiom seen in: Tiburso/StockPredictor src/model/predictor.py
# Idiom seen in: Tiburso/StockPredictor src/model/main.py
# What it reproduces: the linear Baseline LightningModule is switched to plain SGD with weight_decay set to the
#   sklearn Ridge alpha (10.0) it is compared against; with lr 0.1, lr*wd = 1.0 zeroes the weights each step,
#   and the single group also decays the Linear bias (user mistake in the repo idiom).
import pytorch_lightning as pl
from sklearn.linear_model import Ridge
from sklearn.model_selection import train_test_split
from torch.utils.data import DataLoader, Subset

from dataset import StockDataset  # yfinance-backed dataset, not part of this folder
from hparams import BATCH_SIZE, HORIZON, MAX_EPOCHS, RIDGE_ALPHA, WINDOW
from predictor import Baseline


def train_test_dataloader(symbol, batch_size=BATCH_SIZE):
    dataset = StockDataset(symbol, window=WINDOW, horizon=HORIZON)
    train_idx, test_idx = train_test_split(range(len(dataset)), test_size=0.2)
    train_loader = DataLoader(Subset(dataset, train_idx), batch_size=batch_size, shuffle=True)
    test_loader = DataLoader(Subset(dataset, test_idx), batch_size=batch_size)
    return dataset, train_loader, test_loader


if __name__ == "__main__":
    dataset, train_loader, test_loader = train_test_dataloader("AAPL")
    X, y = dataset.as_numpy()
    ridge = Ridge(alpha=RIDGE_ALPHA).fit(X, y)
    print("sklearn ridge R^2:", ridge.score(X, y))

    model = Baseline(input_size=WINDOW, output_size=HORIZON)
    trainer = pl.Trainer(max_epochs=MAX_EPOCHS)
    trainer.fit(model, train_loader, test_loader)
    trainer.test(model, test_loader)
