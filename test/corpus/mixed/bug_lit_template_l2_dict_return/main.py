# Idiom seen in: kiaraesguerra/lightning-template utils/train_utils.py
# Idiom seen in: kiaraesguerra/lightning-template optimizers/sgd.py
# What it reproduces: the repo SGD factory decays all of model.parameters() of a BatchNorm ResNet (WD203, as in the repo); a user adds an
# explicit L2 penalty in training_step but returns it as an extra dict key next to "loss", so Lightning never trains on it (WD104, user mistake).
import argparse

from pytorch_lightning import Trainer

from dataloaders.dataloaders import get_dataloader
from models.models import get_model
from utils.train_utils import get_plmodule

parser = argparse.ArgumentParser(description="PyTorch Lightning Trainer")
parser.add_argument("--model", type=str, default="resnet18")
parser.add_argument("--dataset", type=str, default="cifar10")
parser.add_argument("--num-classes", type=int, default=10)
parser.add_argument("--batch-size", type=int, default=128)
parser.add_argument("--num-workers", type=int, default=4)
parser.add_argument("--epochs", type=int, default=200)
parser.add_argument("--max-lr", type=float, default=1e-1)

parser.add_argument("--optimizer", type=str, default="sgd")
parser.add_argument("--momentum", type=float, default=0.9)
parser.add_argument("--nesterov", action="store_true")

# Regularization
parser.add_argument("--weight-decay", type=float, default=1e-4)
parser.add_argument("--l2-lambda", type=float, default=5e-4)

args = parser.parse_args()


if __name__ == "__main__":
    train_dl, validate_dl, test_dl = get_dataloader(args)
    model = get_model(args)
    model = get_plmodule(model, args)
    trainer = Trainer(max_epochs=args.epochs, accelerator="gpu")
    trainer.fit(model, train_dl, validate_dl)
    trainer.test(dataloaders=test_dl)
