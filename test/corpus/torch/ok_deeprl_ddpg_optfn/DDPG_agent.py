# Idiom seen in: ShangtongZhang/DeepRL deep_rl/agent/DDPG_agent.py
# What it reproduces: the DDPG update: the critic regresses onto a soft-updated target network's TD target
#   (a squared TD error, not a weight penalty) and the actor ascends the critic; each loss is stepped by the
#   optimizer the network built from the config's factory.
import numpy as np
import torch

from component import UniformReplay, OrnsteinUhlenbeckProcess


class DDPGAgent:
    def __init__(self, config):
        self.config = config
        self.task = config.task_fn()
        self.network = config.network_fn()
        self.target_network = config.network_fn()
        self.target_network.load_state_dict(self.network.state_dict())
        self.replay = config.replay_fn()
        self.random_process = config.random_process_fn()
        self.total_steps = 0
        self.state = None

    def soft_update(self, target, src):
        for target_param, param in zip(target.parameters(), src.parameters()):
            target_param.detach_()
            target_param.copy_(target_param * (1.0 - self.config.target_network_mix) +
                               param * self.config.target_network_mix)

    def step(self):
        config = self.config
        if self.state is None:
            self.random_process.reset_states()
            self.state = self.task.reset()
        if self.total_steps < config.warm_up:
            action = [self.task.action_space.sample()]
        else:
            action = self.network(self.state).detach().numpy() + self.random_process.sample()
        action = np.clip(action, self.task.action_space.low, self.task.action_space.high)
        next_state, reward, done, info = self.task.step(action)
        self.replay.feed(dict(state=self.state, action=action, reward=reward, next_state=next_state,
                              mask=1 - np.asarray(done, dtype=np.int32)))
        self.state = next_state
        self.total_steps += 1

        if self.replay.size() >= config.warm_up:
            transitions = self.replay.sample()
            states = torch.as_tensor(transitions.state, dtype=torch.float32)
            actions = torch.as_tensor(transitions.action, dtype=torch.float32)
            rewards = torch.as_tensor(transitions.reward, dtype=torch.float32).unsqueeze(-1)
            next_states = torch.as_tensor(transitions.next_state, dtype=torch.float32)
            mask = torch.as_tensor(transitions.mask, dtype=torch.float32).unsqueeze(-1)

            phi_next = self.target_network.feature(next_states)
            a_next = self.target_network.actor(phi_next)
            q_next = config.discount * mask * self.target_network.critic(phi_next, a_next)
            q_next = (q_next + rewards).detach()
            phi = self.network.feature(states)
            q = self.network.critic(phi, actions)
            critic_loss = (q - q_next).pow(2).mul(0.5).sum(-1).mean()

            self.network.zero_grad()
            critic_loss.backward()
            self.network.critic_opt.step()

            phi = self.network.feature(states)
            action = self.network.actor(phi)
            policy_loss = -self.network.critic(phi.detach(), action).mean()

            self.network.zero_grad()
            policy_loss.backward()
            self.network.actor_opt.step()

            self.soft_update(self.target_network, self.network)
