# Idiom seen in: CompVis/latent-diffusion main.py
# What it reproduces: the entry point that scales base_learning_rate and hands the model to the Lightning
# Trainer; the decay (AdamW's default) is set in ddpm.py's configure_optimizers.
import argparse

import pytorch_lightning as pl
from omegaconf import OmegaConf

from ddpm import LatentDiffusion
from ldm.data.base import DataModuleFromConfig


def get_parser():
    parser = argparse.ArgumentParser()
    parser.add_argument('-b', '--base', nargs='*', default=['configs/latent-diffusion/txt2img.yaml'])
    parser.add_argument('--gpus', type=int, default=1)
    parser.add_argument('--scale_lr', type=bool, default=True)
    return parser


if __name__ == '__main__':
    opt = get_parser().parse_args()
    config = OmegaConf.merge(*[OmegaConf.load(cfg) for cfg in opt.base])
    model = LatentDiffusion(**config.model.params)
    data = DataModuleFromConfig(**config.data.params)
    bs, base_lr = config.data.params.batch_size, config.model.base_learning_rate
    accumulate_grad_batches = 1
    if opt.scale_lr:
        model.learning_rate = accumulate_grad_batches * opt.gpus * bs * base_lr
    else:
        model.learning_rate = base_lr
    trainer = pl.Trainer(gpus=opt.gpus, max_epochs=1000, accumulate_grad_batches=accumulate_grad_batches)
    trainer.fit(model, data)
