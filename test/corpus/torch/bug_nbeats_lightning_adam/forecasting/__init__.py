# Idiom seen in: sktime/pytorch-forecasting pytorch_forecasting/__init__.py
# What it reproduces: package re-export of the N-BEATS model used by train_nbeats.py.
from forecasting.nbeats import NBeats

__all__ = ["NBeats"]
