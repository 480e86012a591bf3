# Idiom seen in: aRkideR/debatehub-client- DQN.py
# What it reproduces: pytorch-madrl style DQN agent with an Adam/RMSprop switch and no weight decay at all
# (regularization is only gradient clipping). Clean.
import torch as th
from torch import nn
from torch.optim import Adam, RMSprop

from common.Agent import Agent
from common.Model import ActorNetwork
from common.utils import identity, to_tensor_var


class DQN(Agent):
    def __init__(self, env, state_dim, action_dim, memory_capacity=10000, max_steps=10000,
                 reward_gamma=0.99, actor_hidden_size=32, actor_output_act=identity,
                 actor_lr=0.001, optimizer_type="adam", max_grad_norm=0.5, batch_size=100,
                 episodes_before_train=100, use_cuda=True):
        super(DQN, self).__init__(env, state_dim, action_dim, memory_capacity, max_steps,
                                  reward_gamma, batch_size=batch_size,
                                  episodes_before_train=episodes_before_train, use_cuda=use_cuda)
        self.max_grad_norm = max_grad_norm
        self.actor = ActorNetwork(self.state_dim, actor_hidden_size, self.action_dim, actor_output_act)
        if optimizer_type == "adam":
            self.actor_optimizer = Adam(self.actor.parameters(), lr=actor_lr)
        elif optimizer_type == "rmsprop":
            self.actor_optimizer = RMSprop(self.actor.parameters(), lr=actor_lr)

    def train(self):
        batch = self.memory.sample(self.batch_size)
        states_var = to_tensor_var(batch.states, self.use_cuda).view(-1, self.state_dim)
        actions_var = to_tensor_var(batch.actions, self.use_cuda, "long").view(-1, 1)
        rewards_var = to_tensor_var(batch.rewards, self.use_cuda).view(-1, 1)
        next_states_var = to_tensor_var(batch.next_states, self.use_cuda).view(-1, self.state_dim)
        dones_var = to_tensor_var(batch.dones, self.use_cuda).view(-1, 1)
        current_q = self.actor(states_var).gather(1, actions_var)
        next_q = self.actor(next_states_var).detach().max(1)[0].view(-1, 1)
        target_q = rewards_var + self.reward_gamma * next_q * (1. - dones_var)
        loss = nn.functional.smooth_l1_loss(current_q, target_q)
        self.actor_optimizer.zero_grad()
        loss.backward()
        nn.utils.clip_grad_norm_(self.actor.parameters(), self.max_grad_norm)
        self.actor_optimizer.step()


if __name__ == "__main__":
    import gym
    env = gym.make("CartPole-v0")
    agent = DQN(env, env.observation_space.shape[0], env.action_space.n, optimizer_type="adam")
    while agent.n_episodes < 2000:
        agent.interact()
        agent.train()
