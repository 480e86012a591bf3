# Idiom seen in: MarkZakelj/openpose-extrapolation model.py
# What it reproduces: the repository's Lightning autoencoder for OpenPose keypoints, configure_optimizers
# returning torch Adam(self.parameters(), weight_decay=1e-5): coupled L2 under Adam, biases included.
import lightning as L
from torch import nn, optim


class LitAutoEncoder(L.LightningModule):
    def __init__(self):
        super().__init__()
        self.encoder = nn.Sequential(nn.Linear(37, 16), nn.ReLU(), nn.Linear(16, 4), nn.ReLU())
        self.decoder = nn.Sequential(nn.Linear(4, 16), nn.ReLU(), nn.Linear(16, 37))

    def training_step(self, batch, batch_idx):
        # training_step defines the train loop; it is independent of forward
        x, y = batch
        z = self.encoder(x)
        x_hat = self.decoder(z)
        loss = nn.functional.mse_loss(x_hat, y)
        self.log("train_loss", loss)
        return loss

    def validation_step(self, batch, batch_idx):
        x, y = batch
        val_loss = nn.functional.mse_loss(self.decoder(self.encoder(x)), y)
        self.log("val_loss", val_loss)

    def configure_optimizers(self):
        optimizer = optim.Adam(self.parameters(), lr=1e-4, weight_decay=1e-5)  # expect: WD202, WD203
        return optimizer
