# Idiom seen in: akavi/nanoGPT models/utils.py
# What it reproduces: package marker for the models of this fork.
