# Idiom seen in: karlhigley/torch-factorization-models torch_factorization_models/implicit_mf.py
# Idiom seen in: karlhigley/torch-factorization-models torch_factorization_models/optimizers.py
# What it reproduces: LightningModule MF whose optimizer factory scales the per-example lr by the batch size (the repo idea);
# a user picks plain SGD with wd 0.1: lr = 0.01*1024 = 10.24, lr*wd = 1.02 >= 1, so decay alone flips the embeddings each step (WD301, user mistake).
from argparse import ArgumentParser

import torch as th
from pytorch_lightning import Trainer, seed_everything

from implicit_mf import ImplicitMatrixFactorization
from movielens import MovielensDataModule

seed_everything(42)


def main(args):
    movielens = MovielensDataModule(args.data_dir, args.batch_size, args.num_workers)
    args.num_items = movielens.dataset.num_items
    args.num_users = movielens.dataset.num_users

    model = ImplicitMatrixFactorization(hparams=args)
    trainer = Trainer(max_epochs=args.max_epochs, check_val_every_n_epoch=1)
    trainer.fit(model, movielens)
    th.save(model.state_dict(), "model.pt")


if __name__ == "__main__":
    parser = ArgumentParser(add_help=False)
    parser.add_argument("--data_dir", default="data/ml-1m", type=str)
    parser.add_argument("--num_workers", default=4, type=int)
    parser.add_argument("--max_epochs", default=20, type=int)
    parser = ImplicitMatrixFactorization.add_model_specific_args(parser)
    main(parser.parse_args())
