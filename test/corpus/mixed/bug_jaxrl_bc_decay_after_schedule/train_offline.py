# Idiom seen in: ikostrikov/jaxrl examples/train_offline.py
# What it reproduces: absl entry point of the offline BC run (D4RL dataset from a package the
#   workspace lacks); the decay problem is in bc_learner.py.
import gym
import numpy as np
from absl import app, flags

from bc_learner import BCLearner
from jaxrl.datasets import make_env_and_dataset

FLAGS = flags.FLAGS
flags.DEFINE_string('env_name', 'halfcheetah-expert-v2', 'Environment name.')
flags.DEFINE_integer('seed', 42, 'Random seed.')
flags.DEFINE_integer('batch_size', 256, 'Mini batch size.')
flags.DEFINE_integer('max_steps', int(1e6), 'Number of training steps.')
flags.DEFINE_float('weight_decay', 1e-4, 'Weight decay of the actor.')


def main(_):
    env, dataset = make_env_and_dataset(FLAGS.env_name, FLAGS.seed, 'd4rl')
    agent = BCLearner(FLAGS.seed, env.observation_space.sample()[np.newaxis],
                      env.action_space.sample()[np.newaxis], weight_decay=FLAGS.weight_decay,
                      num_steps=FLAGS.max_steps)
    for i in range(1, FLAGS.max_steps + 1):
        batch = dataset.sample(FLAGS.batch_size)
        update_info = agent.update(batch)
        if i % 5000 == 0:
            print(i, update_info)


if __name__ == '__main__':
    app.run(main)
