# Idiom seen in: huaifeng1993/optsprime_gcn config/config_gin.py
# What it reproduces: package marker for the mmcv-style config modules.
