# Idiom seen in: XfensorX/rna_sequencing experiments/encoding/models/model1.py
# What it reproduces: a small LightningModule whose configure_optimizers returns
# torch.optim.Adam(self.parameters(), ...); the user adds weight_decay from save_hyperparameters():
# coupled L2 under Adam, applied to the Linear biases as well.
import pytorch_lightning as pl
import torch

from rna_data import RnaDataModule


class Model1(pl.LightningModule):
    def __init__(self, input_dim: int, output_dim: int, hidden_dim: int, lr: float = 0.02,
                 weight_decay: float = 0.0):
        super().__init__()
        self.save_hyperparameters()
        self.layer1 = torch.nn.Linear(input_dim, hidden_dim)
        self.layer2 = torch.nn.Linear(hidden_dim, output_dim)

    def forward(self, x):
        x = torch.relu(self.layer1(x))
        return self.layer2(x)

    def configure_optimizers(self):
        return torch.optim.Adam(self.parameters(), lr=self.hparams.lr, weight_decay=self.hparams.weight_decay)  # expect: WD202, WD203

    def training_step(self, batch, batch_idx):
        x, y = batch
        y_hat = self(x)
        loss = torch.nn.functional.mse_loss(y_hat, y)
        self.log("train_loss", loss)
        return loss

    def validation_step(self, batch, batch_idx):
        x, y = batch
        self.log("val_loss", torch.nn.functional.mse_loss(self(x), y))


if __name__ == "__main__":
    dm = RnaDataModule(batch_size=128)
    model = Model1(input_dim=1024, output_dim=64, hidden_dim=256, lr=1e-3, weight_decay=1e-4)
    trainer = pl.Trainer(max_epochs=50, accelerator="auto")
    trainer.fit(model, datamodule=dm)
