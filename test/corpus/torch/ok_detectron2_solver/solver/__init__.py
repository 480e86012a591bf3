# Idiom seen in: facebookresearch/detectron2 detectron2/solver/__init__.py
# What it reproduces: package re-export of the optimizer builder (clean).
from .build import build_optimizer, get_default_optimizer_params
