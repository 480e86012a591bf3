# Idiom seen in: iyaja/O4 train_cost.py
# Idiom seen in: iyaja/O4 o4/models/cost.py
# What it reproduces: a transformers Trainer subclass whose compute_loss adds an L2 penalty on every parameter of its model argument,
# while TrainingArguments(weight_decay=0.01) already makes the Trainer AdamW decay the same weights: double decay (WD201, user mistake; the repo had the decay commented out).
from .cost import CostModelTrainer
