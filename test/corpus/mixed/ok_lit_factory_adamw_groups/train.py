# Idiom seen in: Iarrova/lightning-template src/model/model.py
# Idiom seen in: Iarrova/lightning-template src/model/optimizers.py
# What it reproduces: a Lightning Model whose configure_optimizers goes through an OptimizerFactory (StrEnum match); the AdamW case
# receives two parameter groups, rank>1 tensors decayed and biases/norm weights at 0.0. Clean (the repo factory only had Adam).
import lightning as L
from lightning.pytorch.callbacks import EarlyStopping, ModelCheckpoint

from src.config import Config
from src.datasets import create_datamodule
from src.model.model import Model


def main():
    config = Config()
    datamodule = create_datamodule(config.dataset, batch_size=config.batch_size)
    model = Model(config, num_classes=datamodule.num_classes)
    trainer = L.Trainer(
        max_epochs=config.training.max_epochs,
        callbacks=[EarlyStopping(monitor="val_loss", patience=10), ModelCheckpoint(monitor="val_loss")],
    )
    trainer.fit(model, datamodule=datamodule)


if __name__ == "__main__":
    main()
