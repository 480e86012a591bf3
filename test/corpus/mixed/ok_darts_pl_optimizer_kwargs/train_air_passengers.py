# Idiom seen in: unit8co/darts examples/07-NBEATS-examples.ipynb
# What it reproduces: the user-level configuration darts documents: optimizer_kwargs={"lr": 1e-3} and an
# ExponentialLR scheduler, no weight_decay entry, trained with a lightning Trainer. Clean.
import pytorch_lightning as pl
import torch

from nbeats import _NBEATSModule
from data import make_loaders

model = _NBEATSModule(
    num_blocks=3,
    num_layers=4,
    layer_width=256,
    input_chunk_length=24,
    output_chunk_length=12,
    optimizer_cls=torch.optim.Adam,
    optimizer_kwargs={"lr": 1e-3},
    lr_scheduler_cls=torch.optim.lr_scheduler.ExponentialLR,
    lr_scheduler_kwargs={"gamma": 0.999},
)
train_loader, val_loader = make_loaders("AirPassengers.csv", input_chunk_length=24, output_chunk_length=12)
trainer = pl.Trainer(max_epochs=100, gradient_clip_val=1.0)
trainer.fit(model, train_dataloaders=train_loader, val_dataloaders=val_loader)
