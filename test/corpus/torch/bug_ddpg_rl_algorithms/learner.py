# Idiom seen in: medipixel/rl_algorithms rl_algorithms/ddpg/learner.py
# What it reproduces: DDPG learner building actor and critic Adam optimizers with
# weight_decay=optim_cfg["weight_decay"] (1e-6 from config.py) over all parameters: coupled L2
# under Adam (WD202) that also hits every bias (WD203). No wiring bug: losses are backpropagated as is.
import argparse
from typing import Tuple

import torch
import torch.nn.functional as F
import torch.optim as optim
from torch.nn.utils import clip_grad_norm_

from config import agent as agent_cfg, env_info
from networks import build_actor, build_critic
from replay import ReplayBuffer  # not part of this folder


def soft_update(local: torch.nn.Module, target: torch.nn.Module, tau: float):
    for t_param, l_param in zip(target.parameters(), local.parameters()):
        t_param.data.copy_(tau * l_param.data + (1.0 - tau) * t_param.data)


class DDPGLearner:
    def __init__(self, args, hyper_params, network_cfg, optim_cfg, state_dim, action_dim):
        self.args = args
        self.hyper_params = hyper_params
        self.network_cfg = network_cfg
        self.optim_cfg = optim_cfg
        self.device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
        self._init_network(state_dim, action_dim)

    def _init_network(self, state_dim, action_dim):
        hs_a = self.network_cfg["hidden_sizes_actor"]
        hs_c = self.network_cfg["hidden_sizes_critic"]
        self.actor = build_actor(state_dim, action_dim, hs_a).to(self.device)
        self.actor_target = build_actor(state_dim, action_dim, hs_a).to(self.device)
        self.actor_target.load_state_dict(self.actor.state_dict())
        self.critic = build_critic(state_dim, action_dim, hs_c).to(self.device)
        self.critic_target = build_critic(state_dim, action_dim, hs_c).to(self.device)
        self.critic_target.load_state_dict(self.critic.state_dict())

        # create optimizers
        self.actor_optim = optim.Adam(
            self.actor.parameters(),  # expect: WD203
            lr=self.optim_cfg["lr_actor"],
            weight_decay=self.optim_cfg["weight_decay"],  # expect: WD202
        )
        self.critic_optim = optim.Adam(
            self.critic.parameters(),  # expect: WD203
            lr=self.optim_cfg["lr_critic"],
            weight_decay=self.optim_cfg["weight_decay"],  # expect: WD202
        )

    def update_model(self, experience: Tuple[torch.Tensor, ...]) -> Tuple[float, float]:
        states, actions, rewards, next_states, dones = experience
        masks = 1 - dones
        with torch.no_grad():
            next_actions = self.actor_target(next_states)
            next_values = self.critic_target(torch.cat((next_states, next_actions), dim=-1))
            curr_returns = rewards + self.hyper_params["gamma"] * next_values * masks

        values = self.critic(torch.cat((states, actions), dim=-1))
        critic_loss = F.mse_loss(values, curr_returns)
        self.critic_optim.zero_grad()
        critic_loss.backward()
        clip_grad_norm_(self.critic.parameters(), self.hyper_params["gradient_clip_cr"])
        self.critic_optim.step()

        new_actions = self.actor(states)
        actor_loss = -self.critic(torch.cat((states, new_actions), dim=-1)).mean()
        self.actor_optim.zero_grad()
        actor_loss.backward()
        clip_grad_norm_(self.actor.parameters(), self.hyper_params["gradient_clip_ac"])
        self.actor_optim.step()

        soft_update(self.actor, self.actor_target, self.hyper_params["tau"])
        soft_update(self.critic, self.critic_target, self.hyper_params["tau"])
        return actor_loss.item(), critic_loss.item()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="DDPG learner smoke run")
    parser.add_argument("--updates", type=int, default=1000)
    args = parser.parse_args()

    learner = DDPGLearner(
        args,
        agent_cfg["hyper_params"],
        agent_cfg["network_cfg"],
        agent_cfg["optim_cfg"],
        env_info["observation_dim"],
        env_info["action_dim"],
    )
    memory = ReplayBuffer(agent_cfg["hyper_params"]["buffer_size"], agent_cfg["hyper_params"]["batch_size"])
    for step in range(args.updates):
        batch = memory.sample(device=learner.device)
        a_loss, c_loss = learner.update_model(batch)
        if step % 100 == 0:
            print(f"[{step}] actor {a_loss:.4f} critic {c_loss:.4f}")
