# Idiom seen in: Weijiang-Xiong/OpenSkyTraffic config/common/optim.py
# Idiom seen in: Weijiang-Xiong/OpenSkyTraffic config/stid/STID.py
# What it reproduces: a lazy config for the STID traffic forecaster whose optimizer is the AdamW
#   LazyCall (decoupled decay, weight_decay=1e-4); params are filled in by the training script.
import torch
from omegaconf import OmegaConf
from torch.utils.data import DataLoader

from skytraffic.config import LazyCall as L
from skytraffic.models import ForecastModel, STIDNet
from skytraffic.data.datasets import MetrDataset

train = OmegaConf.create(dict(output_dir="scratch/metr_stid", max_epoch=100, device="cuda"))

dataset = OmegaConf.create()
dataset.train = L(MetrDataset)(split="train")

dataloader = OmegaConf.create()
dataloader.train = L(DataLoader)(dataset=None, batch_size=32, shuffle=True, collate_fn=None)

model = L(ForecastModel)(
    model=L(STIDNet)(num_block=2, time_series_emb_dim=64, spatial_emb_dim=8, num_nodes=207),
    metadata=None,
)

optimizer = L(torch.optim.AdamW)(
    params=None,  # params will be set dynamically in the training loop
    lr=5e-4,
    betas=(0.9, 0.999),
    weight_decay=1e-4,
    eps=1e-8,
)
