# Idiom seen in: openai/baselines baselines/ddpg/main.py, baselines/ddpg/training.py
# What it reproduces: argparse hyper-parameters (--critic-l2-reg 1e-2, separate actor/critic learning
#   rates), gym environment, replay memory from the baselines package (not in this folder), and a loop
#   that computes TD targets with numpy and calls agent.train().
import argparse

import gym
import numpy as np
import tensorflow as tf

from baselines.ddpg.memory import Memory
from ddpg import DDPG
from models import Actor, Critic


def run(env_id, nb_steps, batch_size, gamma, **agent_kwargs):
    env = gym.make(env_id)
    nb_actions = env.action_space.shape[-1]
    memory = Memory(limit=int(1e6), action_shape=env.action_space.shape,
                    observation_shape=env.observation_space.shape)
    agent = DDPG(Actor(nb_actions, layer_norm=True), Critic(layer_norm=True), env.observation_space.shape,
                 env.action_space.shape, gamma=gamma, **agent_kwargs)
    with tf.Session() as sess:
        agent.initialize(sess)
        obs = env.reset()
        for t in range(nb_steps):
            action = sess.run(agent.actor_tf, feed_dict={agent.obs0: [obs]})[0]
            new_obs, r, done, _ = env.step(np.clip(action + 0.2 * np.random.randn(nb_actions), -1., 1.))
            memory.append(obs, action, r, new_obs, done)
            obs = env.reset() if done else new_obs
            if memory.nb_entries >= batch_size:
                batch = memory.sample(batch_size=batch_size)
                q1 = sess.run(agent.critic_with_actor_tf, feed_dict={agent.obs0: batch['obs1']})
                target_q = batch['rewards'] + (1. - batch['terminals1'].astype('float32')) * gamma * q1
                agent.train(batch, target_q)


if __name__ == '__main__':
    parser = argparse.ArgumentParser(formatter_class=argparse.ArgumentDefaultsHelpFormatter)
    parser.add_argument('--env-id', type=str, default='HalfCheetah-v1')
    parser.add_argument('--critic-l2-reg', type=float, default=1e-2)
    parser.add_argument('--batch-size', type=int, default=64)
    parser.add_argument('--actor-lr', type=float, default=1e-4)
    parser.add_argument('--critic-lr', type=float, default=1e-3)
    parser.add_argument('--gamma', type=float, default=0.99)
    parser.add_argument('--nb-steps', type=int, default=1000000)
    args = parser.parse_args()
    run(args.env_id, args.nb_steps, args.batch_size, args.gamma, actor_lr=args.actor_lr,
        critic_lr=args.critic_lr, critic_l2_reg=args.critic_l2_reg)
