# Idiom seen in: chuong98/Weekend-DeepRL drl/models/agents/ddpg.py
# Idiom seen in: chuong98/Weekend-DeepRL configs/DDPG/ddpg_mountaincar_continuous.py
# What it reproduces: mmcv-style optimizer dicts built by build_optimizer(model, cfg); the user adds the DDPG
# paper critic L2 (1e-2) to an Adam dict: coupled L2 under Adam, on all critic params incl. biases.
import gym

from configs.ddpg_mountaincar_continuous import agent as agent_cfg, env as env_cfg, num_episodes
from drl.ddpg import DDPG


def main():
    env = gym.make(env_cfg['type'])
    cfg = dict(agent_cfg)
    cfg.pop('type')
    agent = DDPG(env.observation_space.shape[0], env.action_space.shape[0], **cfg)
    for episode in range(num_episodes):
        state, done, total = env.reset(), False, 0.0
        while not done:
            action = agent.actor(__import__('torch').Tensor(state).unsqueeze(0)).detach().numpy()[0]
            new_state, reward, done, _ = env.step(action)
            agent.learn(state, action, reward, new_state, done)
            state, total = new_state, total + reward
        print(episode, total)


if __name__ == '__main__':
    main()
