# Idiom seen in: AntixK/PyTorch-VAE experiment.py, run.py (VAEXperiment LightningModule, config exp_params)
# What it reproduces: training_step logs every entry of the loss dict and returns only train_loss['loss'];
# configure_optimizers passes exp_params['weight_decay'] (0.0 here) to Adam, so the optimizer adds no decay.
# The decoder L2 computed in models.py therefore regularizes nothing (WD104 is labelled there).
import pytorch_lightning as pl
import torch
from torch import optim

from models import VanillaVAE
from dataset import VAEDataset  # CelebA datamodule, not in this folder

config = {
    "model_params": {"in_channels": 3, "latent_dim": 128, "dec_l2_weight": 5e-4},
    "data_params": {"data_path": "Data/", "train_batch_size": 64, "patch_size": 64, "num_workers": 4},
    "exp_params": {"LR": 0.005, "weight_decay": 0.0, "scheduler_gamma": 0.95, "kld_weight": 0.00025},
    "trainer_params": {"max_epochs": 100},
}


class VAEXperiment(pl.LightningModule):
    def __init__(self, vae_model, params: dict) -> None:
        super(VAEXperiment, self).__init__()
        self.model = vae_model
        self.params = params

    def forward(self, x, **kwargs):
        return self.model(x, **kwargs)

    def training_step(self, batch, batch_idx):
        real_img, labels = batch
        results = self.forward(real_img, labels=labels)
        train_loss = self.model.loss_function(*results, M_N=self.params["kld_weight"], batch_idx=batch_idx)
        self.log_dict({key: val.item() for key, val in train_loss.items()}, sync_dist=True)
        return train_loss["loss"]

    def validation_step(self, batch, batch_idx):
        real_img, labels = batch
        results = self.forward(real_img, labels=labels)
        val_loss = self.model.loss_function(*results, M_N=1.0, batch_idx=batch_idx)
        self.log_dict({f"val_{key}": val.item() for key, val in val_loss.items()}, sync_dist=True)

    def configure_optimizers(self):
        optimizer = optim.Adam(self.model.parameters(), lr=self.params["LR"],
                               weight_decay=self.params["weight_decay"])
        scheduler = optim.lr_scheduler.ExponentialLR(optimizer, gamma=self.params["scheduler_gamma"])
        return [optimizer], [scheduler]


if __name__ == "__main__":
    model = VanillaVAE(**config["model_params"])
    experiment = VAEXperiment(model, config["exp_params"])
    data = VAEDataset(**config["data_params"], pin_memory=torch.cuda.is_available())
    trainer = pl.Trainer(**config["trainer_params"])
    trainer.fit(experiment, datamodule=data)
