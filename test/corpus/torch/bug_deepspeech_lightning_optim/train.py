# Idiom seen in: SeanNaren/deepspeech.pytorch deepspeech_pytorch/training.py
# What it reproduces: entry point that picks SGDConfig or AdamConfig (both with weight_decay=1e-5)
#   and fits the LightningModule of model.py; the decay problem is reported in model.py.
import argparse

import pytorch_lightning as pl

from deepspeech_pytorch.loader.data_module import DeepSpeechDataModule
from model import DeepSpeech
from train_config import AdamConfig, BiDirectionalConfig, DeepSpeechConfig, SGDConfig, SpectConfig


def train(cfg: DeepSpeechConfig, manifest_dir: str):
    data_loader = DeepSpeechDataModule(labels=cfg.labels, data_dir=manifest_dir)
    model = DeepSpeech(labels=cfg.labels, model_cfg=cfg.model, optim_cfg=cfg.optim,
                       spect_cfg=cfg.spect)
    trainer = pl.Trainer(max_epochs=cfg.epochs, gradient_clip_val=0)
    trainer.fit(model, data_loader)


if __name__ == '__main__':
    parser = argparse.ArgumentParser()
    parser.add_argument('--optim', choices=['adam', 'sgd'], default='adam')
    parser.add_argument('--manifest-dir', default='data/')
    args = parser.parse_args()
    optim_cfg = SGDConfig() if args.optim == 'sgd' else AdamConfig()
    cfg = DeepSpeechConfig(optim=optim_cfg, model=BiDirectionalConfig(), spect=SpectConfig())
    train(cfg, args.manifest_dir)
