# Idiom seen in: Iarrova/lightning-template src/model/model.py
# Idiom seen in: Iarrova/lightning-template src/model/optimizers.py
# What it reproduces: a Lightning Model whose configure_optimizers goes through an OptimizerFactory (StrEnum match); the AdamW case
# receives two parameter groups, rank>1 tensors decayed and biases/norm weights at 0.0. Clean (the repo factory only had Adam).
