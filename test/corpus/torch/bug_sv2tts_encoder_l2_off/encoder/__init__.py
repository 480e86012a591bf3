# Idiom seen in: CorentinJ/Real-Time-Voice-Cloning encoder/train.py
# What it reproduces: package marker of the speaker encoder.
