# Idiom seen in: Fra-Tsuna/SAC-HER-Tensorflow2 main.py
# What it reproduces: the FetchPush training driver: collect episodes, store them in the HER buffer (a
#   module the folder does not hold) and run optimization() for a number of steps per cycle.
import gym

from her import HER_Buffer  # hindsight experience replay buffer, not in this folder
from her_sac_agent import HER_SAC_Agent

ENV_NAME = "FetchPush-v1"
TRAINING_EPOCHES = 200
N_CYCLES = 50
OPTIMIZATION_STEPS = 50
HER_CAPACITY = 1000000

if __name__ == '__main__':
    env = gym.make(ENV_NAME)
    her_buffer = HER_Buffer(env.compute_reward, capacity=HER_CAPACITY, strategy="future", k=4)
    agent = HER_SAC_Agent(env, her_buffer)
    for epoch in range(TRAINING_EPOCHES):
        for cycle in range(N_CYCLES):
            her_buffer.collect_episode(env, agent.actor)
            for _ in range(OPTIMIZATION_STEPS):
                losses = agent.optimization()
            agent.soft_update()
        print("epoch {} critic losses {:.4f} {:.4f}".format(epoch, float(losses[1]), float(losses[2])))
