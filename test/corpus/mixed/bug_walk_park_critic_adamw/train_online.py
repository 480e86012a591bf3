# Idiom seen in: ikostrikov/walk_in_the_park train_online.py
# What it reproduces: absl flags + ml_collections config file; the config dict is splatted into
# SACLearner.create, so critic_weight_decay=1e-2 reaches the unmasked optax.adamw.
import gym
import tqdm
from absl import app, flags
from ml_collections import config_flags

from sac_learner import SACLearner
from rl.data import ReplayBuffer
from env_utils import make_mujoco_env

FLAGS = flags.FLAGS
flags.DEFINE_string('env_name', 'A1Run-v0', 'Environment name.')
flags.DEFINE_integer('seed', 42, 'Random seed.')
flags.DEFINE_integer('max_steps', int(1e6), 'Number of training steps.')
flags.DEFINE_integer('start_training', int(1e3), 'Number of training steps to start training.')
flags.DEFINE_integer('batch_size', 256, 'Mini batch size.')
flags.DEFINE_integer('utd_ratio', 20, 'Update to data ratio.')
config_flags.DEFINE_config_file('config', 'droq_config.py', 'File path to the training hyperparameter configuration.',
                                lock_config=False)


def main(_):
    env = make_mujoco_env(FLAGS.env_name, seed=FLAGS.seed)
    kwargs = dict(FLAGS.config)
    agent = SACLearner.create(FLAGS.seed, env.observation_space, env.action_space, **kwargs)
    replay_buffer = ReplayBuffer(env.observation_space, env.action_space, FLAGS.max_steps)
    replay_buffer.seed(FLAGS.seed)

    observation, done = env.reset(), False
    for i in tqdm.tqdm(range(1, FLAGS.max_steps + 1), smoothing=0.1):
        if i < FLAGS.start_training:
            action = env.action_space.sample()
        else:
            action, agent = agent.sample_actions(observation)
        next_observation, reward, done, info = env.step(action)
        replay_buffer.insert(dict(observations=observation, actions=action, rewards=reward,
                                  masks=1.0 - float(done), dones=done, next_observations=next_observation))
        observation = next_observation
        if done:
            observation, done = env.reset(), False
        if i >= FLAGS.start_training:
            batch = replay_buffer.sample(FLAGS.batch_size * FLAGS.utd_ratio)
            agent, update_info = agent.update(batch, FLAGS.utd_ratio)


if __name__ == '__main__':
    app.run(main)
