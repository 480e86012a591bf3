# Idiom seen in: AllanYangZhou/midGPT launch.py
# Idiom seen in: AllanYangZhou/midGPT src/configs/openwebtext.py
# What it reproduces: midGPT's launcher: pick a config module by name (openwebtext: weight_decay 1e-4 with
# learning_rate 1e-3) and call train(); the unmasked decay is in train.py.

import argparse

from model import GPTConfig
from train import ExperimentConfig, train

CONFIGS = {
    'openwebtext': ExperimentConfig(
        rundir='',
        data_dir='/mnt/disks/persist/openwebtext',
        learning_rate=1e-3,
        batch_size=512,
        warmup_steps=5000,
        min_lr=1e-5,
        lr_decay_steps=120_000,
        max_steps=120_000,
        beta2=0.95,
        weight_decay=1e-4,
        eval_interval=1000,
        model_config=GPTConfig(block_size=1024, vocab_size=50304, n_layer=12, n_head=12,
                               n_embd=768, dropout=0.0, bias=False),
    ),
    'shakespeare_char': ExperimentConfig(
        rundir='',
        data_dir='data/shakespeare_char',
        learning_rate=1e-3,
        batch_size=64,
        warmup_steps=100,
        min_lr=1e-4,
        lr_decay_steps=5000,
        max_steps=5000,
        beta2=0.99,
        weight_decay=1e-4,
        eval_interval=250,
        model_config=GPTConfig(block_size=256, vocab_size=65, n_layer=6, n_head=6,
                               n_embd=384, dropout=0.2, bias=False),
    ),
}

if __name__ == '__main__':
    parser = argparse.ArgumentParser()
    parser.add_argument('--config', type=str, default='shakespeare_char', choices=sorted(CONFIGS))
    parser.add_argument('--rundir', type=str, default='outputs/run')
    parser.add_argument('--debug', action='store_true')
    args = parser.parse_args()
    cfg = CONFIGS[args.config]
    cfg.rundir = args.rundir
    cfg.debug = args.debug
    train(cfg)
