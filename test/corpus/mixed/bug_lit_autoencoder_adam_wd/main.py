# Idiom seen in: ITHwang/torch-cookbook lightning/cli/main.py
# What it reproduces: LightningCLI entry point; the model's __init__ args (learning_rate, weight_decay) become
#   CLI options, e.g. `python main.py fit --model.weight_decay 1e-5 --trainer.max_epochs 3`.
from lightning.pytorch.cli import LightningCLI

from data_modules import MNISTDataModule  # noqa: F401
from models import LitAutoEncoder


def cli_main():
    LightningCLI(LitAutoEncoder, MNISTDataModule, save_config_kwargs={"overwrite": True})


if __name__ == "__main__":
    cli_main()
