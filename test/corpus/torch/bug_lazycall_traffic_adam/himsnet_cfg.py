# Idiom seen in: Weijiang-Xiong/OpenSkyTraffic config/himsnet/HiMSNet.py
# What it reproduces: a model config that picks the Adam LazyCall as its optimizer (the other model
#   configs of the repo pick AdamW); nothing here overrides its weight_decay.
from omegaconf import OmegaConf
from torch.utils.data import DataLoader

from skytraffic.config import LazyCall as L
from skytraffic.models import HiMSNet
from skytraffic.data.datasets import SimBarcaMSMT

from common_optim import Adam as optimizer

train = OmegaConf.create(dict(output_dir="scratch/himsnet", max_epoch=30, device="cuda", checkpoint=""))

dataset = OmegaConf.create()
dataset.train = L(SimBarcaMSMT)(split="train")

dataloader = OmegaConf.create()
dataloader.train = L(DataLoader)(dataset=None, batch_size=8, shuffle=True, collate_fn=None)

model = L(HiMSNet)(
    use_drone=True,
    use_ld=True,
    use_global=True,
    d_model=64,
    metadata=None,
)
