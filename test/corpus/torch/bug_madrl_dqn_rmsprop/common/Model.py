# Idiom seen in: aRkideR/debatehub-client- DQN.py
# What it reproduces: pytorch-madrl DQN choosing Adam or RMSprop by optimizer_type; the user added
# weight_decay to both branches. The run picks "rmsprop": coupled L2 under RMSprop, on biases too.
import torch as th
from torch import nn


class ActorNetwork(nn.Module):
    def __init__(self, state_dim, hidden_size, output_size, output_act):
        super(ActorNetwork, self).__init__()
        self.fc1 = nn.Linear(state_dim, hidden_size)
        self.fc2 = nn.Linear(hidden_size, hidden_size)
        self.fc3 = nn.Linear(hidden_size, output_size)
        self.output_act = output_act

    def __call__(self, state):
        out = nn.functional.relu(self.fc1(state))
        out = nn.functional.relu(self.fc2(out))
        return self.output_act(self.fc3(out))
