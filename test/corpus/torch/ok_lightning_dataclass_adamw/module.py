# Idiom seen in: jaimec00/ProteinDiff proteus/training/optim.py
# What it reproduces: the LightningModule that owns the dataclass config and returns the optimizer and a
#   per-step scheduler from configure_optimizers; the network is built by a factory in another package.
# label-note: clean (see optim.py).
import lightning.pytorch as pl
import torch.nn.functional as F

from optim import OptimCfg, setup_optim, setup_scheduler
from proteus_models import build_denoiser


class DiffusionModule(pl.LightningModule):
    def __init__(self, optim_cfg: OptimCfg = OptimCfg(), n_layers: int = 8):
        super().__init__()
        self.optim_cfg = optim_cfg
        self.net = build_denoiser(d_model=optim_cfg.d_model, n_layers=n_layers)

    def training_step(self, batch, batch_idx):
        coords, mask, t = batch["coords"], batch["mask"], batch["t"]
        noisy, noise = self.net.add_noise(coords, t)
        pred = self.net(noisy, t, mask)
        loss = F.mse_loss(pred[mask], noise[mask])
        self.log("train/loss", loss, prog_bar=True)
        return loss

    def configure_optimizers(self):
        optimizer = setup_optim(self.optim_cfg, self.net)
        scheduler = setup_scheduler(self.optim_cfg, optimizer)
        return {"optimizer": optimizer,
                "lr_scheduler": {"scheduler": scheduler, "interval": "step"}}


if __name__ == "__main__":
    from proteus_data import ProteinDataModule
    trainer = pl.Trainer(max_steps=200_000, gradient_clip_val=1.0)
    trainer.fit(DiffusionModule(OptimCfg(weight_decay=5e-2)), ProteinDataModule("data/cath"))
