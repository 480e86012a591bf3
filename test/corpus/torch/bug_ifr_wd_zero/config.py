# Idiom seen in: jfzhuang/IFR IFR/configs/_base_/schedules/schedule_sup.py
# What it reproduces: realistic user mistake: a flat config module for the supervised schedule where
#   WEIGHT_DECAY was zeroed (an ablation left in), so the decay branch of train.py never runs.
LR = 0.001
MOMENTUM = 0.9
WEIGHT_DECAY = 0.0
HEAD_LR_MULT = 10.0
MAX_ITERS = 40000
BATCH_SIZE = 8
