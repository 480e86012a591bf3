# Idiom seen in: rail-berkeley/rlkit rlkit/torch/ddpg/ddpg.py
# What it reproduces: package marker for the DDPG algorithm module (see ddpg.py).
