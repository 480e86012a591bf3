# Idiom seen in: Lightning-AI/dl-fundamentals unit06-dl-tips/6.5-hparam-opt/6.5-part3-cli-configurable/shared_utilities.py
# Idiom seen in: Lightning-AI/dl-fundamentals unit06-dl-tips/6.5-hparam-opt/6.5-part3-cli-configurable/mlp_cli2.py
# What it reproduces: the course's LightningModel2 driven by LightningCLI, with weight decay moved into
#   configure_optimizers as SGD parameter groups (Linear weights decayed, biases at 0.0); training_step returns the
#   cross entropy and there is no hand-written penalty. Clean.
import sys

from lightning.pytorch.callbacks import ModelCheckpoint
from lightning.pytorch.cli import LightningCLI

from shared_utilities import LightningModel2
from datamodules import CustomDataModule

if __name__ == "__main__":
    print(f"The provided arguments are {sys.argv[1:]}")
    cli = LightningCLI(
        model_class=LightningModel2,
        datamodule_class=CustomDataModule,
        run=False,
        seed_everything_default=123,
        trainer_defaults={"max_epochs": 10, "callbacks": [ModelCheckpoint(monitor="val_acc")]},
    )
    lightning_model = LightningModel2(
        model=None,
        hidden_units=cli.model.hidden_units,
        learning_rate=cli.model.learning_rate,
        weight_decay=cli.model.weight_decay,
    )
    cli.trainer.fit(lightning_model, datamodule=cli.datamodule)
    cli.trainer.validate(lightning_model, datamodule=cli.datamodule)
