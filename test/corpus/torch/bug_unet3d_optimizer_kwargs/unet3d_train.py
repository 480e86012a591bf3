# Idiom seen in: ellisdg/3DUnetCNN unet3d/train/pytorch.py
# What it reproduces: build_optimizer(optimizer_name, model_parameters, ...) calling
#   getattr(torch.optim, name)(model_parameters, lr=..., **kwargs); a user extended optimizer_kwargs with
#   the config's weight_decay, so with "Adam" every parameter of the UNet (norms, biases) gets coupled L2.
import torch

from unet3d_models import build_or_load_model
from unet3d_utils import epoch_training, epoch_validation, load_criterion


def build_optimizer(optimizer_name, model_parameters, learning_rate=1e-4, **kwargs):
    return getattr(torch.optim, optimizer_name)(model_parameters, lr=learning_rate, **kwargs)


def run_pytorch_training(config, model_filename, training_loader, validation_loader, n_gpus=1):
    model = build_or_load_model(config["model_name"], model_filename, n_features=config["n_features"],
                                n_outputs=config["n_outputs"], n_gpus=n_gpus, **config["model_kwargs"])
    model.train()
    criterion = load_criterion(config["loss"], n_gpus=n_gpus)

    optimizer_kwargs = dict()
    if "initial_learning_rate" in config:
        optimizer_kwargs["learning_rate"] = config["initial_learning_rate"]
    if "weight_decay" in config:
        optimizer_kwargs["weight_decay"] = config["weight_decay"]  # expect: WD202

    optimizer = build_optimizer(optimizer_name=config["optimizer"],
                                model_parameters=model.parameters(),  # expect: WD203
                                **optimizer_kwargs)

    scheduler = torch.optim.lr_scheduler.ReduceLROnPlateau(optimizer, patience=config["decay_patience"],
                                                           factor=config["decay_factor"],
                                                           min_lr=config["min_learning_rate"])
    for epoch in range(config["n_epochs"]):
        loss = epoch_training(training_loader, model, criterion, optimizer=optimizer, epoch=epoch, n_gpus=n_gpus)
        val_loss = epoch_validation(validation_loader, model, criterion, n_gpus=n_gpus)
        scheduler.step(val_loss)
        torch.save(model.state_dict(), model_filename)
