# Idiom seen in: miracleyoo/pytorch-lightning-template model/model_interface.py
# Idiom seen in: miracleyoo/pytorch-lightning-template classification/main.py
# What it reproduces: MInterface.configure_optimizers gives Adam the --weight_decay (argparse default 1e-5) read from hparams:
# coupled L2 under Adam (WD202) on all of self.parameters(), BatchNorm and biases of the loaded StandardNet included (WD203). As in the repo.
from .model_interface import MInterface
