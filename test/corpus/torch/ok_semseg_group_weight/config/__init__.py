# Idiom seen in: CSAILVision/semantic-segmentation-pytorch csail_semseg/config/__init__.py
# What it reproduces: re-export of the yacs defaults used by train.py (clean).
from .defaults import _C as cfg
