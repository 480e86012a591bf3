# Idiom seen in: nlp-waseda/SlideAVSR experiment/training/trainer.py
# What it reproduces: entry point; builds Config() and fits the module of trainer.py.
import argparse

from pytorch_lightning import Trainer

from config import Config
from data_loader import load_slideavsr_split
from trainer import WhisperModelModule

if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--checkpoint", default="checkpoints/small.pt")
    parser.add_argument("--data_dir", default="data/SlideAVSR")
    args = parser.parse_args()

    cfg = Config()
    train_ds = load_slideavsr_split(args.data_dir, "train")
    dev_ds = load_slideavsr_split(args.data_dir, "dev")
    module = WhisperModelModule(cfg, args.checkpoint, train_ds, dev_ds)
    trainer = Trainer(max_epochs=cfg.num_train_epochs, accumulate_grad_batches=cfg.gradient_accumulation_steps,
                      precision=16)
    trainer.fit(module)
