# Idiom seen in: keithyin/mycodes UniverseDemo/nets/qnet_pytorch.py
# Idiom seen in: keithyin/mycodes UniverseDemo/dqn_pytorch.py
# What it reproduces: a Q-network that builds its own optim.RMSprop(self.parameters(), lr=1e-5) lazily in
# get_optimizer(), no weight_decay anywhere; the TD loss is a squared error of Q values: clean.
import itertools
import numpy as np
import torch

from qnet_pytorch import QNetwork
from utils.dqn_utils import ReplayBuffer, LinearSchedule
from utils import common_algorithm


def learn(env, q_func=QNetwork, exploration=LinearSchedule(10000000, 0.1), replay_buffer_size=50000,
          batch_size=128, gamma=0.99, learning_starts=1000, learning_freq=4, frame_history_len=4):
    num_actions = 3
    Q_net = q_func(num_actions=num_actions)
    target_net = q_func(num_actions=num_actions)
    target_net.load_state_dict(Q_net.state_dict())
    replay_buffer = ReplayBuffer(replay_buffer_size, frame_history_len)
    last_obs = env.reset()
    for t in itertools.count():
        idx = replay_buffer.store_frame(last_obs)
        cur_state = torch.FloatTensor(replay_buffer.encode_recent_observation() / 255.0).unsqueeze(0)
        with torch.no_grad():
            logits = Q_net(cur_state)
        action = common_algorithm.epsilon_greedy(logits=logits, num_actions=num_actions, epsilon=exploration.value(t))
        last_obs, reward, done, _ = env.step(action)
        replay_buffer.store_effect(idx=idx, action=action, reward=reward, done=done)
        if done:
            last_obs = env.reset()

        if t > learning_starts and replay_buffer.can_sample(batch_size):
            obs, act, rew, next_obs, done_mask = replay_buffer.sample(batch_size=batch_size)
            obs = torch.FloatTensor(obs / 255.0)
            act = torch.LongTensor(act.astype(np.int64))
            with torch.no_grad():
                next_q = target_net(torch.FloatTensor(next_obs / 255.0)).max(1)[0]
            td_target = torch.FloatTensor(rew) + gamma * torch.FloatTensor(1 - done_mask) * next_q
            selected_value = torch.gather(Q_net(obs), dim=1, index=act.view(-1, 1)).squeeze(1)
            loss = torch.mean(torch.pow(td_target - selected_value, 2))
            Q_net.get_optimizer().zero_grad()
            loss.backward()
            Q_net.get_optimizer().step()
            if t % learning_freq == 0:
                target_net.load_state_dict(Q_net.state_dict())
                torch.save(target_net.state_dict(), 'param.pkl')
