# Idiom seen in: ShangtongZhang/DeepRL deep_rl/network/network_heads.py
# Idiom seen in: ShangtongZhang/DeepRL deep_rl/network/network_bodies.py
# What it reproduces: the actor-critic network receives optimizer factories (actor_opt_fn/critic_opt_fn)
#   and builds one optimizer per parameter list it assembles itself.
import torch
import torch.nn as nn
import torch.nn.functional as F


def layer_init(layer, w_scale=1.0):
    nn.init.orthogonal_(layer.weight.data)
    layer.weight.data.mul_(w_scale)
    nn.init.constant_(layer.bias.data, 0)
    return layer


class FCBody(nn.Module):
    def __init__(self, state_dim, hidden_units=(64, 64), gate=F.relu):
        super(FCBody, self).__init__()
        dims = (state_dim,) + hidden_units
        self.layers = nn.ModuleList([layer_init(nn.Linear(dim_in, dim_out))
                                     for dim_in, dim_out in zip(dims[:-1], dims[1:])])
        self.gate = gate
        self.feature_dim = dims[-1]

    def forward(self, x):
        for layer in self.layers:
            x = self.gate(layer(x))
        return x


class DeterministicActorCriticNet(nn.Module):
    def __init__(self, state_dim, action_dim, actor_opt_fn, critic_opt_fn, phi_body=None, actor_body=None,
                 critic_body=None):
        super(DeterministicActorCriticNet, self).__init__()
        self.phi_body = phi_body if phi_body is not None else nn.Identity()
        self.actor_body = actor_body
        self.critic_body = critic_body
        self.fc_action = layer_init(nn.Linear(actor_body.feature_dim, action_dim), 1e-3)
        self.fc_critic = layer_init(nn.Linear(critic_body.feature_dim, 1), 1e-3)

        self.actor_params = list(self.actor_body.parameters()) + list(self.fc_action.parameters())
        self.critic_params = list(self.critic_body.parameters()) + list(self.fc_critic.parameters())
        self.phi_params = list(self.phi_body.parameters())

        self.actor_opt = actor_opt_fn(self.actor_params + self.phi_params)
        self.critic_opt = critic_opt_fn(self.critic_params + self.phi_params)

    def forward(self, obs):
        return self.actor(self.feature(obs))

    def feature(self, obs):
        return self.phi_body(torch.as_tensor(obs, dtype=torch.float32))

    def actor(self, phi):
        return torch.tanh(self.fc_action(self.actor_body(phi)))

    def critic(self, phi, a):
        return self.fc_critic(self.critic_body(torch.cat([phi, a], dim=1)))
