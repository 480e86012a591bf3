# Idiom seen in: r9y9/wavenet_vocoder hparams.py
# What it reproduces: the hparams object keeps the optimizer class name and its keyword dict; the
# WaveNet recipe sets weight_decay 0.0 (no decay), so the Adam built from it has none (clean).
from types import SimpleNamespace

hparams = SimpleNamespace(
    name="wavenet_vocoder",
    input_type="raw",
    quantize_channels=65536,
    layers=24,
    stacks=4,
    residual_channels=128,
    gate_channels=256,
    skip_out_channels=128,
    batch_size=8,
    optimizer="Adam",
    optimizer_params={
        "lr": 1e-3,
        "eps": 1e-8,
        "weight_decay": 0.0,
    },
    lr_schedule="step_learning_rate_decay",
    lr_schedule_kwargs={"anneal_rate": 0.5, "anneal_interval": 200000},
    max_train_steps=1000000,
    clip_thresh=-1,
    ema_decay=0.9999,
)
