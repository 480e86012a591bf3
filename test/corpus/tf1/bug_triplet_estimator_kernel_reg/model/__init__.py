# Idiom seen in: omoindrot/tensorflow-triplet-loss model/__init__.py
# What it reproduces: package marker of the model package (model_fn.py, triplet_loss.py).
