# Idiom seen in: kakaoenterprise/JORLDY jorldy/main.py
# What it reproduces: the entry point reads the config module and builds the agent with its optim dict.
import config_ddpg as config
from ddpg import DDPG
from env_factory import Env

env = Env(**config.env)
agent = DDPG(state_size=env.state_size, action_size=env.action_size,
             optim_config=config.optim, **config.agent)

state = env.reset()
for step in range(1, config.train["run_step"] + 1):
    action = agent.actor(agent.as_tensor(state)) if hasattr(agent, "as_tensor") else env.sample_action()
    next_state, reward, done = env.step(action)
    agent.memory.store({"state": state, "action": action, "reward": reward,
                        "next_state": next_state, "done": done})
    if agent.memory.size >= agent.batch_size and step >= agent.start_train_step:
        result = agent.learn()
        agent.update_target_soft()
        if step % config.train["print_period"] == 0:
            print(step, result)
    state = env.reset() if done else next_state
