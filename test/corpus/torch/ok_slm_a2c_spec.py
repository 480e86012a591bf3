# Idiom seen in: kengz/SLM-Lab slm_lab/agent/net/net_util.py
# Idiom seen in: kengz/SLM-Lab slm_lab/spec/benchmark/a2c/a2c_gae_atari.json
# What it reproduces: the registry-style get_optim(net, optim_spec) (getattr(torch.optim, name), 'name'
#   dropped with pydash, the rest splatted) used with an A2C spec whose optim_spec is RMSprop with lr, alpha
#   and eps only: no weight decay reaches the optimizer. Clean.
import pydash as ps
import torch
import torch.nn as nn
import torch.nn.functional as F

spec = {
    "agent": {"name": "A2C", "algorithm": {"gamma": 0.99, "lam": 0.95, "entropy_coef": 0.01, "val_loss_coef": 0.5}},
    "net": {
        "type": "ConvNet",
        "shared": True,
        "clip_grad_val": 0.5,
        "optim_spec": {"name": "RMSprop", "lr": 7e-4, "alpha": 0.99, "eps": 1e-5},
    },
}


def get_optim(net, optim_spec):
    OptimClass = getattr(torch.optim, optim_spec['name'])
    optim_spec = ps.omit(optim_spec, 'name')
    return OptimClass(net.parameters(), **optim_spec)


class ConvNet(nn.Module):
    def __init__(self, net_spec, in_dim, out_dim):
        super().__init__()
        self.clip_grad_val = net_spec['clip_grad_val']
        self.conv_model = nn.Sequential(
            nn.Conv2d(in_dim, 32, 8, 4), nn.ReLU(),
            nn.Conv2d(32, 64, 4, 2), nn.ReLU(),
            nn.Conv2d(64, 32, 3, 1), nn.ReLU(), nn.Flatten())
        self.fc = nn.Sequential(nn.Linear(32 * 7 * 7, 512), nn.ReLU())
        self.policy_head = nn.Linear(512, out_dim)
        self.value_head = nn.Linear(512, 1)
        self.optim = get_optim(self, net_spec['optim_spec'])

    def forward(self, x):
        h = self.fc(self.conv_model(x / 255.0))
        return self.policy_head(h), self.value_head(h)

    def train_step(self, loss):
        self.optim.zero_grad()
        loss.backward()
        nn.utils.clip_grad_norm_(self.parameters(), self.clip_grad_val)
        self.optim.step()


def a2c_update(net, batch, algo):
    logits, v_preds = net(batch['states'])
    dist = torch.distributions.Categorical(logits=logits)
    log_probs = dist.log_prob(batch['actions'])
    advs = batch['advs']
    policy_loss = -(log_probs * advs).mean() - algo['entropy_coef'] * dist.entropy().mean()
    val_loss = algo['val_loss_coef'] * F.mse_loss(v_preds.squeeze(-1), batch['v_targets'])
    net.train_step(policy_loss + val_loss)


if __name__ == '__main__':
    net = ConvNet(spec['net'], in_dim=4, out_dim=6)
    batch = {'states': torch.rand(16, 4, 84, 84), 'actions': torch.randint(0, 6, (16,)),
             'advs': torch.randn(16), 'v_targets': torch.randn(16)}
    a2c_update(net, batch, spec['agent']['algorithm'])
