# Idiom seen in: CompVis/taming-transformers main.py
# What it reproduces: the training entry point: scale the base learning rate by accumulate_grad_batches * ngpu *
# batch_size, build the Net2NetTransformer and fit it with a Lightning Trainer (decay split in cond_transformer.py).

import argparse

import pytorch_lightning as pl

from cond_transformer import Net2NetTransformer
from data import DataModuleFromConfig

if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--first_stage_ckpt", required=True)
    parser.add_argument("--base_lr", type=float, default=4.5e-6)
    parser.add_argument("--batch_size", type=int, default=8)
    parser.add_argument("--gpus", type=int, default=1)
    parser.add_argument("--accumulate_grad_batches", type=int, default=1)
    opt = parser.parse_args()

    model = Net2NetTransformer(
        transformer_config=dict(vocab_size=1024, block_size=512, n_layer=24, n_head=16, n_embd=1024),
        first_stage_ckpt=opt.first_stage_ckpt,
    )
    model.learning_rate = opt.accumulate_grad_batches * opt.gpus * opt.batch_size * opt.base_lr
    print(f"Setting learning rate to {model.learning_rate:.2e}")

    data = DataModuleFromConfig(batch_size=opt.batch_size, train="sflckr_train", validation="sflckr_val")
    trainer = pl.Trainer(gpus=opt.gpus, accumulate_grad_batches=opt.accumulate_grad_batches, max_epochs=100)
    trainer.fit(model, data)
