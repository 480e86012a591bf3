# Idiom seen in: AndrewMead10/LLM-Trainer hyperion/models/pl_module.py
# What it reproduces: entry point with the optimizer settings in a plain dict config (weight_decay 0.1). Clean.
from types import SimpleNamespace

import pytorch_lightning as pl

from gpt import GPT
from hyperion.data import TextDataModule  # not in this workspace
from pl_module import PLModule

cfg = SimpleNamespace(vocab_size=32000, d_model=512, n_head=8, n_layer=8, block_size=1024,
                      lr=6e-4, weight_decay=0.1, batch_size=16, max_steps=50000, data_path="data/tiny")

if __name__ == "__main__":
    model = GPT(vocab_size=cfg.vocab_size, d_model=cfg.d_model, n_head=cfg.n_head, n_layer=cfg.n_layer)
    module = PLModule(cfg, model)
    dm = TextDataModule(cfg.data_path, block_size=cfg.block_size, batch_size=cfg.batch_size)
    trainer = pl.Trainer(max_steps=cfg.max_steps, gradient_clip_val=1.0)
    trainer.fit(module, datamodule=dm)
