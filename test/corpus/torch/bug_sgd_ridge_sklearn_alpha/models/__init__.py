# Idiom seen in: ZhaoShuai2332/torch_class models/SGDLogistic.py
# What it reproduces: package init re-exporting the course model classes.
from .sgd_ridge import SGDRidge

__all__ = ['SGDRidge']
