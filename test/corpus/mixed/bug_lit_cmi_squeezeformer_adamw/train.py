# Idiom seen in: karunru/kaggle_monorepo projects/CMI_Detect_Behavior_with_Sensor_Data/codes/exp/exp008/train.py
# What it reproduces: the fold training script building CMISqueezeformer from the exp config
# and fitting it with a Lightning Trainer.
import pytorch_lightning as pl

from config import Config
from dataset import IMUDataModule
from model import CMISqueezeformer


def train_fold(fold: int, config: Config):
    datamodule = IMUDataModule(config, fold=fold)
    model = CMISqueezeformer(
        input_dim=7,
        d_model=256,
        n_layers=8,
        learning_rate=3e-4,
        weight_decay=1e-5,
        max_epochs=config.training.max_epochs,
    )
    trainer = pl.Trainer(max_epochs=config.training.max_epochs, accelerator="gpu",
                         gradient_clip_val=1.0, precision="16-mixed")
    trainer.fit(model, datamodule)


if __name__ == "__main__":
    cfg = Config()
    for fold in range(5):
        train_fold(fold, cfg)
