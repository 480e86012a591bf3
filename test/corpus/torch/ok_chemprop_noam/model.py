# Idiom seen in: chemprop/chemprop chemprop/utils.py
# What it reproduces: directed message-passing encoder (W_i, W_h, W_o) and an FFN readout with biases and dropout;
# trained by run_training.py with the undecayed Adam from utils.build_optimizer.
import torch
import torch.nn as nn


class MPNEncoder(nn.Module):
    def __init__(self, atom_fdim, bond_fdim, hidden_size=300, depth=3, dropout=0.0):
        super().__init__()
        self.depth = depth
        self.W_i = nn.Linear(bond_fdim, hidden_size, bias=False)
        self.W_h = nn.Linear(hidden_size, hidden_size, bias=False)
        self.W_o = nn.Linear(atom_fdim + hidden_size, hidden_size)
        self.act_func = nn.ReLU()
        self.dropout = nn.Dropout(dropout)

    def forward(self, f_atoms, f_bonds, a2b, b2a, b2revb, a_scope):
        message = self.act_func(self.W_i(f_bonds))
        inp = message
        for _ in range(self.depth - 1):
            a_message = message[a2b].sum(dim=1)
            message = a_message[b2a] - message[b2revb]
            message = self.dropout(self.act_func(inp + self.W_h(message)))
        a_message = message[a2b].sum(dim=1)
        atom_hiddens = self.dropout(self.act_func(self.W_o(torch.cat([f_atoms, a_message], dim=1))))
        return torch.stack([atom_hiddens[start:start + size].mean(0) for start, size in a_scope])


class MoleculeModel(nn.Module):
    def __init__(self, args):
        super().__init__()
        self.encoder = MPNEncoder(args.atom_fdim, args.bond_fdim, args.hidden_size, args.depth, args.dropout)
        self.readout = nn.Sequential(
            nn.Dropout(args.dropout), nn.Linear(args.hidden_size, args.ffn_hidden_size), nn.ReLU(),
            nn.Dropout(args.dropout), nn.Linear(args.ffn_hidden_size, args.num_tasks),
        )

    def forward(self, batch):
        return self.readout(self.encoder(*batch))
