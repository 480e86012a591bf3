# Idiom seen in: apat1n/LightGCN-Pytorch config.py
# What it reproduces: a config module that loads config.yaml into a dict and opens the tensorboard
#   writer; other modules do `from config import config, tensorboard_writer`.
import os
from time import gmtime, strftime

import yaml
from loguru import logger

from utils import TensorboardWriter

os.makedirs('logs', exist_ok=True)
current_time = strftime("%Y-%m-%d_%H:%M:%S", gmtime())
logger.add(f'logs/train_{current_time}.log')

with open('config.yaml') as f:
    config = yaml.safe_load(f)

tensorboard_writer = None
if config.get('USE_TENSORBOARD'):
    tensorboard_writer = TensorboardWriter(f'runs/{current_time}')
logger.info(f'config loaded: {config}')
