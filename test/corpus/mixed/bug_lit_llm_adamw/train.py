# Idiom seen in: AndrewMead10/LLM-Trainer hyperion/models/pl_module.py
# What it reproduces: hydra-style entry point building the GPT and handing it to PLModule.
import hydra
import pytorch_lightning as pl

from gpt import GPT
from hyperion.data import TextDataModule  # not in this workspace
from pl_module import PLModule


@hydra.main(config_path="configs", config_name="train")
def main(cfg):
    model = GPT(vocab_size=cfg.vocab_size, d_model=cfg.d_model, n_head=cfg.n_head, n_layer=cfg.n_layer)
    module = PLModule(cfg, model)
    dm = TextDataModule(cfg.data_path, block_size=cfg.block_size, batch_size=cfg.batch_size)
    trainer = pl.Trainer(max_steps=cfg.max_steps, precision="bf16-mixed", gradient_clip_val=1.0)
    trainer.fit(module, datamodule=dm)


if __name__ == "__main__":
    main()
