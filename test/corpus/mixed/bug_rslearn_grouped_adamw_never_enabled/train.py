# Idiom seen in: allenai/rslearn docs/ModelConfig.md
# What it reproduces: the run script (a Python stand-in for the model config YAML): both experiments build
#   GroupedAdamW with weight_decay=0.0, so the factory's decay branch never runs.
import lightning as L

from rslearn.models.unet import UNet
from rslearn.train.data_module import RslearnDataModule
from lightning_module import SegmentationLightningModule
from optimizer import GroupedAdamW

EXPERIMENTS = {
    "landsat_vessels": dict(lr=1e-4, weight_decay=0.0),
    "sentinel2_cropland": dict(lr=3e-4, weight_decay=0.0),
}


def run(name: str):
    cfg = EXPERIMENTS[name]
    module = SegmentationLightningModule(
        model=UNet(in_channels=12, out_channels=2),
        optimizer=GroupedAdamW(lr=cfg["lr"], weight_decay=cfg["weight_decay"]),
    )
    trainer = L.Trainer(max_epochs=50, precision="bf16-mixed")
    trainer.fit(module, datamodule=RslearnDataModule(path=f"/data/{name}", batch_size=16))


if __name__ == "__main__":
    for name in EXPERIMENTS:
        run(name)
