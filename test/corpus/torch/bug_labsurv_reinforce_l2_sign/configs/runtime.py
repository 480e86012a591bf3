# Idiom seen in: Eicmlye/labsurv configs/cart_pole/agents/reinforce.py
# What it reproduces: REINFORCE agent built from an agent_cfg dict; the user adds an L2 penalty on the
# policy net with a sign slip (subtracted from the loss), so it rewards larger weights.
import torch

DEVICE = torch.device("cuda" if torch.cuda.is_available() else "cpu")
