# Idiom seen in: unitaryai/detoxify train.py
# What it reproduces: a realistic mistake in detoxify's LightningModule idiom (upstream has no explicit L2):
#   the user adds an L2 penalty on the classification head in training_step, logs loss + penalty, but
#   still returns {"loss": loss}; Lightning trains on the returned 'loss' only, so the penalty is computed
#   and dropped (WD104). The optimizer is Adam with the config's lr only.
import argparse
import json

import pytorch_lightning as pl
import torch
from pytorch_lightning.callbacks import ModelCheckpoint
from torch.nn import functional as F
from torch.utils.data import DataLoader

import src.data_loaders as module_data
from src.utils import get_model_and_tokenizer


class ToxicClassifier(pl.LightningModule):
    def __init__(self, config):
        super().__init__()
        self.save_hyperparameters()
        self.num_classes = config["arch"]["args"]["num_classes"]
        self.model, self.tokenizer = get_model_and_tokenizer(**config["arch"]["args"])
        self.l2_lambda = config.get("l2_lambda", 1e-4)
        self.config = config

    def forward(self, x):
        inputs = self.tokenizer(x, return_tensors="pt", truncation=True, padding=True).to(self.model.device)
        return self.model(**inputs)[0]

    def training_step(self, batch, batch_idx):
        x, meta = batch
        output = self.forward(x)
        loss = self.binary_cross_entropy(output, meta)
        penalty = self.l2_lambda * sum(p.pow(2).sum() for p in self.model.classifier.parameters())  # expect: WD104
        self.log("train_loss", loss)
        self.log("train_total_loss", loss + penalty)
        return {"loss": loss}

    def validation_step(self, batch, batch_idx):
        x, meta = batch
        output = self.forward(x)
        loss = self.binary_cross_entropy(output, meta)
        self.log("val_loss", loss)
        return {"loss": loss}

    def configure_optimizers(self):
        return torch.optim.Adam(self.parameters(), lr=self.config["optimizer"]["args"]["lr"])

    def binary_cross_entropy(self, input, meta):
        if "weight" in meta:
            target = meta["target"].to(input.device).reshape(input.shape)
            weight = meta["weight"].to(input.device).reshape(input.shape)
            return F.binary_cross_entropy_with_logits(input, target, weight=weight)
        target = meta["target"].to(input.device)
        return F.binary_cross_entropy_with_logits(input, target.float())


def cli_main():
    parser = argparse.ArgumentParser(description="Template")
    parser.add_argument("-c", "--config", default=None, type=str, help="config file path (default: None)")
    parser.add_argument("-d", "--device", default=None, type=str, help="comma-separated indices of GPUs")
    parser.add_argument("--num_workers", default=10, type=int, help="number of workers used in the data loader")
    parser.add_argument("-e", "--n_epochs", default=100, type=int, help="if given, override the num")
    args = parser.parse_args()

    config = json.load(open(args.config))
    if args.device is not None:
        config["device"] = args.device

    def get_instance(module, name, config, *args, **kwargs):
        return getattr(module, config[name]["type"])(*args, **config[name]["args"], **kwargs)

    dataset = get_instance(module_data, "dataset", config)
    val_dataset = get_instance(module_data, "dataset", config, train=False)
    data_loader = DataLoader(dataset, batch_size=config["batch_size"], num_workers=args.num_workers, shuffle=True)
    valid_data_loader = DataLoader(val_dataset, batch_size=config["batch_size"], num_workers=args.num_workers)

    model = ToxicClassifier(config)
    checkpoint_callback = ModelCheckpoint(save_top_k=100, verbose=True, monitor="val_loss", mode="min")
    trainer = pl.Trainer(max_epochs=args.n_epochs, accumulate_grad_batches=config["accumulate_grad_batches"],
                         callbacks=[checkpoint_callback], default_root_dir="saved/" + config["name"])
    trainer.fit(model, data_loader, valid_data_loader)


if __name__ == "__main__":
    cli_main()
