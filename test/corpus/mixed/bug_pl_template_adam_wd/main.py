# Idiom seen in: miracleyoo/pytorch-lightning-template model/model_interface.py
# Idiom seen in: miracleyoo/pytorch-lightning-template classification/main.py
# What it reproduces: MInterface.configure_optimizers gives Adam the --weight_decay (argparse default 1e-5) read from hparams:
# coupled L2 under Adam (WD202) on all of self.parameters(), BatchNorm and biases of the loaded StandardNet included (WD203). As in the repo.
import pytorch_lightning as pl
from argparse import ArgumentParser
from pytorch_lightning import Trainer
import pytorch_lightning.callbacks as plc

from model import MInterface
from data import DInterface


def load_callbacks():
    return [
        plc.EarlyStopping(monitor="val_acc", mode="max", patience=10, min_delta=0.001),
        plc.ModelCheckpoint(monitor="val_acc", filename="best-{epoch:02d}-{val_acc:.3f}",
                            save_top_k=1, mode="max", save_last=True),
    ]


def main(args):
    pl.seed_everything(args.seed)
    data_module = DInterface(**vars(args))
    model = MInterface(**vars(args))
    trainer = Trainer(max_epochs=args.max_epochs, callbacks=load_callbacks())
    trainer.fit(model, data_module)


if __name__ == "__main__":
    parser = ArgumentParser()
    parser.add_argument("--batch_size", default=32, type=int)
    parser.add_argument("--num_workers", default=8, type=int)
    parser.add_argument("--seed", default=1234, type=int)
    parser.add_argument("--lr", default=1e-3, type=float)
    parser.add_argument("--max_epochs", default=100, type=int)

    parser.add_argument("--lr_scheduler", choices=["step", "cosine"], type=str)
    parser.add_argument("--lr_decay_steps", default=20, type=int)
    parser.add_argument("--lr_decay_rate", default=0.5, type=float)
    parser.add_argument("--lr_decay_min_lr", default=1e-5, type=float)

    parser.add_argument("--dataset", default="standard_data", type=str)
    parser.add_argument("--data_dir", default="ref/data", type=str)
    parser.add_argument("--model_name", default="standard_net", type=str)
    parser.add_argument("--loss", default="bce", type=str)
    parser.add_argument("--weight_decay", default=1e-5, type=float)

    parser.add_argument("--hid", default=64, type=int)
    parser.add_argument("--in_channel", default=3, type=int)
    parser.add_argument("--layer_num", default=5, type=int)

    args = parser.parse_args()
    main(args)
