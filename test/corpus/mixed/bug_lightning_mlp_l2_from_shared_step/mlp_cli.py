# Idiom seen in: Lightning-AI/dl-fundamentals unit06-dl-tips/6.5-hparam-opt/6.5-part3-cli-configurable/shared_utilities.py
# Idiom seen in: Lightning-AI/dl-fundamentals unit06-dl-tips/6.5-hparam-opt/6.5-part3-cli-configurable/mlp_cli2.py
# What it reproduces: the course's LightningModel2 with a _shared_step helper and LightningCLI, plus an explicit L2
#   (l2_lambda) the user added to _shared_step; it is returned as a separate tuple item, training_step only logs it
#   and returns the bare cross entropy, so Lightning never backpropagates the penalty (SGD has no weight_decay).
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
        l2_lambda=cli.model.l2_lambda,
    )
    cli.trainer.fit(lightning_model, datamodule=cli.datamodule)
    cli.trainer.validate(lightning_model, datamodule=cli.datamodule)
