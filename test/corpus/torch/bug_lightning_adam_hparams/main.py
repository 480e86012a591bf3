# Idiom seen in: taishan1994/pytorch_lightning_text_classification main.py
# What it reproduces: argparse entry of the Lightning template; --weight_decay 1e-5 goes through
# vars(args) into the module's hparams and ends up in Adam's coupled weight_decay.
from argparse import ArgumentParser

import pytorch_lightning as pl

from model_interface import ModelInterface
from data.data_interface import DInterface


def main(args):
    pl.seed_everything(args.seed)
    data_module = DInterface(**vars(args))
    model = ModelInterface(**vars(args))
    trainer = pl.Trainer(max_epochs=args.max_epochs, accelerator='auto')
    trainer.fit(model, data_module)


if __name__ == '__main__':
    parser = ArgumentParser()
    parser.add_argument('--batch_size', default=32, type=int)
    parser.add_argument('--seed', default=1234, type=int)
    parser.add_argument('--lr', default=1e-3, type=float)
    parser.add_argument('--lr_scheduler', choices=['step', 'cosine'], type=str)
    parser.add_argument('--lr_decay_steps', default=20, type=int)
    parser.add_argument('--lr_decay_rate', default=0.5, type=float)
    parser.add_argument('--weight_decay', default=1e-5, type=float)
    parser.add_argument('--model_name', default='simple_model', type=str)
    parser.add_argument('--loss', default='ce', type=str)
    parser.add_argument('--num_classes', default=10, type=int)
    parser.add_argument('--max_epochs', default=20, type=int)
    main(parser.parse_args())
