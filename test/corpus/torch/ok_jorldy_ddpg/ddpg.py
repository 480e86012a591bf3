# Idiom seen in: kakaoenterprise/JORLDY jorldy/core/agent/ddpg.py
# What it reproduces: the DDPG agent as the repository writes it: both optimizers come from the
# registry with a learning rate only (no weight decay anywhere), so there is no decay to report.
import copy

import torch
import torch.nn.functional as F

from network import DDPG_Actor, DDPG_Critic
from optimizer import Optimizer
from buffer import ReplayBuffer


class DDPG:
    def __init__(self, state_size, action_size, hidden_size=512,
                 optim_config={"actor": "adam", "critic": "adam", "actor_lr": 5e-4, "critic_lr": 1e-3},
                 gamma=0.99, buffer_size=50000, batch_size=128, tau=1e-3, **kwargs):
        self.device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
        self.actor = DDPG_Actor(state_size, action_size, hidden_size).to(self.device)
        self.critic = DDPG_Critic(state_size, action_size, hidden_size).to(self.device)
        self.target_actor = copy.deepcopy(self.actor)
        self.target_critic = copy.deepcopy(self.critic)
        self.actor_optimizer = Optimizer(optim_config["actor"], self.actor.parameters(),
                                         lr=optim_config["actor_lr"])
        self.critic_optimizer = Optimizer(optim_config["critic"], self.critic.parameters(),
                                          lr=optim_config["critic_lr"])
        self.gamma = gamma
        self.tau = tau
        self.memory = ReplayBuffer(buffer_size)
        self.batch_size = batch_size

    def learn(self):
        transitions = self.memory.sample(self.batch_size)
        state, action, reward, next_state, done = [torch.as_tensor(transitions[k], device=self.device)
                                                   for k in ("state", "action", "reward", "next_state", "done")]
        with torch.no_grad():
            target_q = reward + (1 - done) * self.gamma * self.target_critic(next_state, self.target_actor(next_state))
        critic_loss = F.mse_loss(target_q, self.critic(state, action))
        self.critic_optimizer.zero_grad()
        critic_loss.backward()
        self.critic_optimizer.step()

        actor_loss = -self.critic(state, self.actor(state)).mean()
        self.actor_optimizer.zero_grad()
        actor_loss.backward()
        self.actor_optimizer.step()
        for t_p, p in zip(self.target_critic.parameters(), self.critic.parameters()):
            t_p.data.copy_(self.tau * p.data + (1 - self.tau) * t_p.data)
        return {"critic_loss": critic_loss.item(), "actor_loss": actor_loss.item()}
