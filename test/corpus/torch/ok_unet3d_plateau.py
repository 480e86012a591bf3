# Idiom seen in: ellisdg/3DUnetCNN unet3d/train/pytorch.py
# What it reproduces: the repo's own build_optimizer(getattr(torch.optim, name)(params, lr=...)) with only a
#   learning rate, plus ReduceLROnPlateau or StepLR chosen from the config: no weight decay at all: clean.
import json
import sys
import warnings

import torch

from unet3d_models import build_or_load_model
from unet3d_utils import epoch_training, epoch_validation, load_criterion


def build_optimizer(optimizer_name, model_parameters, learning_rate=1e-4):
    return getattr(torch.optim, optimizer_name)(model_parameters, lr=learning_rate)


def train(config, training_loader, validation_loader, model_filename):
    model = build_or_load_model(config["model_name"], model_filename, n_features=config["n_features"],
                                n_outputs=config["n_outputs"])
    criterion = load_criterion(config["loss"])
    optimizer_kwargs = dict()
    if "initial_learning_rate" in config:
        optimizer_kwargs["learning_rate"] = config["initial_learning_rate"]
    optimizer = build_optimizer(optimizer_name=config["optimizer"], model_parameters=model.parameters(),
                                **optimizer_kwargs)
    if config.get("decay_patience"):
        scheduler = torch.optim.lr_scheduler.ReduceLROnPlateau(optimizer, patience=config["decay_patience"],
                                                               factor=config.get("decay_factor", 0.1))
    elif config.get("decay_step_size"):
        scheduler = torch.optim.lr_scheduler.StepLR(optimizer=optimizer, step_size=config["decay_step_size"],
                                                    gamma=config.get("decay_factor", 0.1), last_epoch=-1)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
    else:
        scheduler = None
    for epoch in range(config["n_epochs"]):
        loss = epoch_training(training_loader, model, criterion, optimizer=optimizer, epoch=epoch)
        val_loss = epoch_validation(validation_loader, model, criterion)
        if scheduler is not None:
            if isinstance(scheduler, torch.optim.lr_scheduler.ReduceLROnPlateau):
                scheduler.step(val_loss)
            else:
                scheduler.step()
        torch.save(model.state_dict(), model_filename)


if __name__ == "__main__":
    with open(sys.argv[1]) as f:
        cfg = json.load(f)
    from unet3d_data import get_loaders
    tl, vl = get_loaders(cfg)
    train(cfg, tl, vl, sys.argv[2])
