# Idiom seen in: rodSiry/continual-baselines training/base.py
# Idiom seen in: rodSiry/continual-baselines training/adam.py
# What it reproduces: haiku Trainer base class (hk.transform, jax.grad of the criterion) and an AdamTrainer subclass; the subclass
# uses optax.adamw masked by hk.data_structures.map to the "w" leaves only. Clean (the repo used plain optax.adam).
