# Idiom seen in: aRkideR/debatehub-client- DQN.py
# What it reproduces: pytorch-madrl DQN choosing Adam or RMSprop by optimizer_type; the user added
# weight_decay to both branches. The run picks "rmsprop": coupled L2 under RMSprop, on biases too.
import gym

from DQN import DQN

MAX_EPISODES = 5000
EPISODES_BEFORE_TRAIN = 0
EVAL_INTERVAL = 100


def run(env_id="CartPole-v0"):
    env = gym.make(env_id)
    env.seed(2017)
    state_dim = env.observation_space.shape[0]
    action_dim = env.action_space.n
    dqn = DQN(env=env, state_dim=state_dim, action_dim=action_dim,
              memory_capacity=10000, max_steps=10000, batch_size=100,
              critic_loss="mse", optimizer_type="rmsprop", weight_decay=1e-4,
              episodes_before_train=EPISODES_BEFORE_TRAIN)
    while dqn.n_episodes < MAX_EPISODES:
        dqn.interact()
        if dqn.n_episodes >= EPISODES_BEFORE_TRAIN:
            dqn.train()
        if dqn.episode_done and ((dqn.n_episodes + 1) % EVAL_INTERVAL == 0):
            rewards, _ = dqn.evaluation(env, 10)
            print("Episode %d, Average Reward %.2f" % (dqn.n_episodes + 1, sum(map(sum, rewards)) / 10))


if __name__ == "__main__":
    run()
