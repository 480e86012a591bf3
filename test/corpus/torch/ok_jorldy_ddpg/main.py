# Idiom seen in: kakaoenterprise/JORLDY jorldy/main.py
# Idiom seen in: kakaoenterprise/JORLDY jorldy/config/ddpg/mujoco.py
# What it reproduces: the config dicts (optim = lr only, as in the repository's mujoco config) and the
# training loop of the DDPG agent; no weight decay is configured anywhere.
from ddpg import DDPG
from env_factory import Env

agent_cfg = {"gamma": 0.99, "buffer_size": 50000, "batch_size": 128, "tau": 1e-3}
optim_cfg = {"actor": "adam", "critic": "adam", "actor_lr": 5e-4, "critic_lr": 1e-3}

env = Env(name="half_cheetah")
agent = DDPG(env.state_size, env.action_size, optim_config=optim_cfg, **agent_cfg)

state = env.reset()
for step in range(1, 1000001):
    next_state, reward, done = env.step(env.sample_action())
    agent.memory.store({"state": state, "reward": reward, "next_state": next_state, "done": done})
    if agent.memory.size >= agent.batch_size:
        result = agent.learn()
        if step % 10000 == 0:
            print(step, result)
    state = env.reset() if done else next_state
