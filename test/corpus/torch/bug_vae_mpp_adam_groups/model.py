# Idiom seen in: ajboyd2/vae_mpp vae_mpp/models/model.py
# What it reproduces: a model base class whose get_param_groups() keeps norms and biases out of decay (the decayed
#   group has no weight_decay of its own, so it takes the optimizer's); the bug is in optim.py.
import torch
from torch import nn

NORMS = (
    nn.LayerNorm,
    nn.BatchNorm1d,
    nn.BatchNorm2d,
    nn.GroupNorm,
    nn.InstanceNorm1d,
)


class Model(nn.Module):

    def __init__(self):
        super().__init__()

    def get_param_groups(self):
        '''First dict: parameters subject to weight decay. Second: parameters that are not.'''
        weight_decay_params = {'params': []}
        no_weight_decay_params = {'params': [], 'weight_decay': 0.0}
        for module_ in self.modules():
            if isinstance(module_, NORMS):
                no_weight_decay_params['params'].extend(
                    [p for p in module_._parameters.values() if p is not None])
            else:
                weight_decay_params['params'].extend(
                    [p for n, p in module_._parameters.items() if p is not None and n != 'bias'])
                no_weight_decay_params['params'].extend(
                    [p for n, p in module_._parameters.items() if p is not None and n == 'bias'])
        return weight_decay_params, no_weight_decay_params


class PPModel(Model):
    '''Point-process decoder: causal convolutions over (time, mark) embeddings with an intensity head.'''

    def __init__(self, num_channels=3, channel_embedding_size=16, time_embedding_size=16,
                 hidden_size=16, intensity_hidden=16, dropout=0.2):
        super().__init__()
        self.channel_embedding = nn.Embedding(num_channels, channel_embedding_size)
        self.time_proj = nn.Linear(1, time_embedding_size)
        self.conv = nn.Conv1d(channel_embedding_size + time_embedding_size, hidden_size, kernel_size=3, padding=2)
        self.norm = nn.LayerNorm(hidden_size)
        self.intensity = nn.Sequential(nn.Linear(hidden_size, intensity_hidden), nn.GELU(),
                                       nn.Dropout(dropout), nn.Linear(intensity_hidden, num_channels))

    def forward(self, times, marks):
        x = torch.cat([self.channel_embedding(marks), self.time_proj(times.unsqueeze(-1))], dim=-1)
        h = self.conv(x.transpose(1, 2))[..., :x.size(1)].transpose(1, 2)
        return nn.functional.softplus(self.intensity(self.norm(h)))

    def get_loss(self, times, marks, mask):
        intensities = self(times, marks)
        ll = torch.log(intensities.gather(-1, marks.unsqueeze(-1)).squeeze(-1) + 1e-8) * mask
        return -(ll.sum() - (intensities.sum(-1) * mask).sum()) / mask.sum()
