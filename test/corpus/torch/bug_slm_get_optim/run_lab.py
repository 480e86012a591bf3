# Idiom seen in: kengz/SLM-Lab slm_lab/spec/experimental/dqn.json
# What it reproduces: an agent spec written as a dict in the run script, whose optim_spec asks for
#   "Adam" with a "weight_decay": coupled L2 through the adaptive step (WD202 at the entry), handed to
#   every parameter of the MLP by get_optim (WD203 in net_util.py).
import torch

from mlp_net import MLPNet

spec = {
    "name": "dqn_cartpole",
    "net": {
        "type": "MLPNet",
        "hid_layers": [64, 64],
        "hid_layers_activation": "selu",
        "clip_grad_val": 0.5,
        "loss_spec": {"name": "MSELoss"},
        "optim_spec": {
            "name": "Adam",
            "lr": 0.01,
            "weight_decay": 1e-4,  # expect: WD202
        },
    },
    "memory": {"name": "Replay", "batch_size": 32, "max_size": 10000},
}


def run(spec, n_steps=1000):
    net = MLPNet(spec["net"], in_dim=4, out_dim=2)
    target_net = MLPNet(spec["net"], in_dim=4, out_dim=2)
    gamma = 0.99
    for step in range(n_steps):
        states = torch.randn(spec["memory"]["batch_size"], 4)
        next_states = torch.randn(spec["memory"]["batch_size"], 4)
        rewards = torch.randn(spec["memory"]["batch_size"])
        actions = torch.randint(0, 2, (spec["memory"]["batch_size"],))
        with torch.no_grad():
            next_q = target_net(next_states).max(dim=-1)[0]
        q_targets = net(states).detach().clone()
        q_targets[torch.arange(len(actions)), actions] = rewards + gamma * next_q
        net.training_step(states, q_targets)
        if step % 100 == 0:
            target_net.load_state_dict(net.state_dict())


if __name__ == "__main__":
    run(spec)
