# Idiom seen in: karlhigley/torch-factorization-models torch_factorization_models/implicit_mf.py
# Idiom seen in: karlhigley/torch-factorization-models torch_factorization_models/optimizers.py
# What it reproduces: LightningModule MF whose optimizer factory scales the per-example lr by the batch size (the repo idea);
# a user picks plain SGD with wd 0.1: lr = 0.01*1024 = 10.24, lr*wd = 1.02 >= 1, so decay alone flips the embeddings each step (WD301, user mistake).
from argparse import ArgumentParser
from math import sqrt

import pytorch_lightning as pl
import torch as th

from losses import select_loss
from optimizers import build_optimizer


class ImplicitMatrixFactorization(pl.LightningModule):
    def __init__(self, hparams):
        super().__init__()
        self.save_hyperparameters(hparams)
        self.loss_fn = select_loss(hparams.loss)
        self.sparse = hparams.z_optimizer != "sgd"

        self.user_embeddings = th.nn.Embedding(hparams.num_users, hparams.embedding_dim, sparse=self.sparse)
        self.item_embeddings = th.nn.Embedding(hparams.num_items, hparams.embedding_dim, sparse=self.sparse)

        init_std = 1.0 / sqrt(hparams.embedding_dim)
        th.nn.init.normal_(self.user_embeddings.weight, 0, init_std)
        th.nn.init.normal_(self.item_embeddings.weight, 0, init_std)

    def configure_optimizers(self):
        return build_optimizer(list(self.parameters()), self.hparams)

    def forward(self, user_vectors, item_vectors):
        return (user_vectors * item_vectors).sum(dim=1)

    def batch_loss(self, batch):
        user_ids, item_ids = batch["user_ids"], batch["item_ids"]
        neg_item_ids = th.randint_like(item_ids, low=0, high=self.item_embeddings.num_embeddings)

        user_vectors = self.user_embeddings(user_ids).squeeze()
        pos_preds = self(user_vectors, self.item_embeddings(item_ids).squeeze())
        neg_preds = self(user_vectors, self.item_embeddings(neg_item_ids).squeeze())
        return self.loss_fn(pos_preds, neg_preds).mean()

    def training_step(self, batch, batch_idx):
        loss = self.batch_loss(batch)
        self.log("training_loss", loss, on_epoch=True)
        return loss

    @th.no_grad()
    def validation_step(self, batch, batch_idx):
        self.log("tuning_loss", self.batch_loss(batch), on_step=False, on_epoch=True)

    @staticmethod
    def add_model_specific_args(parent_parser):
        parser = ArgumentParser(parents=[parent_parser], add_help=False)
        parser.add_argument("--embedding_dim", default=32, type=int)
        parser.add_argument("--num_users", default=1, type=int)
        parser.add_argument("--num_items", default=1, type=int)
        parser.add_argument("--loss", default="bpr", type=str)
        parser.add_argument("--y_learning_rate", default=1e-2, type=float)
        parser.add_argument("--x_weight_decay", default=1e-1, type=float)  # expect: WD301
        parser.add_argument("--z_optimizer", default="sgd", type=str)
        parser.add_argument("--batch_size", default=1024, type=int)
        return parser
