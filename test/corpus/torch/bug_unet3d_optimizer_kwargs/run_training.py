# Idiom seen in: ellisdg/3DUnetCNN unet3d/scripts/train.py
# What it reproduces: the script that loads the config and the data loaders (a module this program does
#   not hold) and starts run_pytorch_training.
import argparse

from config import config
from unet3d_data import get_loaders
from unet3d_train import run_pytorch_training


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--model_filename", default="model.h5")
    parser.add_argument("--n_gpus", type=int, default=1)
    namespace = parser.parse_args()
    training_loader, validation_loader = get_loaders(config)
    run_pytorch_training(config, namespace.model_filename, training_loader, validation_loader,
                         n_gpus=namespace.n_gpus)


if __name__ == "__main__":
    main()
