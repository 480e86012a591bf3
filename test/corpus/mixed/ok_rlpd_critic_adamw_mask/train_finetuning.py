# Idiom seen in: ikostrikov/rlpd train_finetuning.py
# What it reproduces: absl entry point with the rlpd config values (10 critics, LayerNorm,
#   critic_weight_decay passed through to sac_learner). Clean.
import jax
import numpy as np
from absl import app, flags

from rlpd.data import ReplayBuffer
from rlpd.wrappers import wrap_gym
from sac_learner import create_learner, update_critic

FLAGS = flags.FLAGS
flags.DEFINE_string("env_name", "antmaze-large-diverse-v2", "D4RL environment name.")
flags.DEFINE_integer("seed", 42, "Random seed.")
flags.DEFINE_float("critic_weight_decay", 1e-2, "AdamW decay of the critic.")
flags.DEFINE_integer("max_steps", int(1e6), "Number of training steps.")
flags.DEFINE_integer("batch_size", 256, "Mini batch size.")


def main(_):
    env = wrap_gym(FLAGS.env_name)
    replay_buffer = ReplayBuffer(env.observation_space, env.action_space, FLAGS.max_steps)
    rng, actor, critic = create_learner(FLAGS.seed, env.observation_space.sample()[None],
                                        env.action_space.sample()[None],
                                        critic_weight_decay=FLAGS.critic_weight_decay)
    for i in range(FLAGS.max_steps):
        batch = replay_buffer.sample(FLAGS.batch_size)
        rng, key = jax.random.split(rng)
        target_q = batch["rewards"] + 0.99 * batch["masks"] * np.zeros_like(batch["rewards"])
        critic, info = update_critic(critic, batch, target_q, key)
        if i % 5000 == 0:
            print(i, info)


if __name__ == "__main__":
    app.run(main)
