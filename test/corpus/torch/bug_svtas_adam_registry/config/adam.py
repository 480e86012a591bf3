# Idiom seen in: Thinksky5124/SVTAS config/_base_/schedules/optimizer/adam.py
# What it reproduces: an optimizer registry (AdamOptimizer subclassing torch.optim.Adam, built from an
# OPTIMIZER dict with weight_decay=1e-4): coupled L2 under Adam, applied to every trainable parameter.
OPTIMIZER = dict(
    name="AdamOptimizer",
    learning_rate=0.0005,
    weight_decay=1e-4,
    betas=(0.9, 0.999),
)
