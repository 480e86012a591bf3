# Idiom seen in: wsonv/PolicyGradient_in_tensorflow2.0 PG_in_tf2.0.py
# What it reproduces: REINFORCE agent (Sequential policy, nested @tf.function train, gt.gradient on `objective`); a user
#   adds an L2 penalty on the policy weights but, misled by the name `objective`, subtracts it from what is in fact the
#   NLL being minimized: negative decay, the weights grow (user mistake in the repo's idiom; the repo had no penalty).
import argparse

import gym
import numpy as np
import tensorflow as tf
from tensorflow.keras import layers

import logg as lg

L2_COEF = 1e-4


class Agent():
    def __init__(self, env, seed, batch_size, gamma, learning_rate):
        self.env = env
        self.ob_dim = env.observation_space.shape[0]
        self.ac_dim = env.action_space.n
        self.max_p_length = env.spec.max_episode_steps
        self.seed = seed
        self.batch_size = batch_size
        self.gamma = gamma
        self.optimizer = tf.keras.optimizers.Adam(learning_rate)
        self.model = self.build_model()

    def build_model(self):
        model = tf.keras.Sequential([
            layers.Dense(64, activation='tanh', input_shape=(self.ob_dim,)),
            layers.Dense(64, activation='tanh'),
            layers.Dense(self.ac_dim)])
        return model

    def sample_trajectory(self, env):
        steps = 0
        ob = env.reset()
        obs, acs, res = [], [], []
        while True:
            obs.append(ob)
            logits = self.model(np.expand_dims(ob, axis=0).astype(np.float32))
            ac = tf.random.categorical(logits, 1)[0][0].numpy()
            acs.append(ac)
            ob, re, done, _ = env.step(ac)
            res.append(re)
            steps += 1
            if done or steps >= self.max_p_length:
                break
        return {"acs": np.array(acs), "obs": np.array(obs), "res": np.array(res)}, steps

    def sample_trajectories(self, env):
        total, paths = 0, []
        while total < self.batch_size:
            path, steps = self.sample_trajectory(env)
            paths.append(path)
            total += steps
        return paths

    def sum_rewards(self, res):
        q_n = []
        for rew in res:
            disc = [r * self.gamma ** i for i, r in enumerate(rew)]
            q_n.extend([sum(disc[i:]) for i in range(len(disc))])
        q_n = np.array(q_n).astype(np.float32)
        return (q_n - np.mean(q_n)) / (np.std(q_n) + 1e-8)

    def train_step(self, obs, acs, res):
        @tf.function
        def train(obs, acs, qs):
            with tf.GradientTape() as gt:
                logits = self.model(obs)
                log_prob = tf.keras.losses.sparse_categorical_crossentropy(y_true=acs, y_pred=logits,
                                                                           from_logits=True)
                l2 = tf.add_n([tf.nn.l2_loss(v) for v in self.model.trainable_variables])
                objective = tf.reduce_mean(log_prob * qs) - L2_COEF * l2  # expect: WD302
            training_vars = self.model.trainable_variables
            grads = gt.gradient(objective, training_vars)
            self.optimizer.apply_gradients(zip(grads, training_vars))

        qs = self.sum_rewards(res)
        train(tf.cast(obs, tf.float32), tf.cast(acs, tf.int64), tf.cast(qs, tf.float32))


def train_PG(env_name, gamma, seed, n_iter, batch_size, lr, exp_name):
    env = gym.make(env_name)
    np.random.seed(seed)
    tf.random.set_seed(seed)
    agent = Agent(env, seed, batch_size, gamma, lr)
    lg.initiate(exp_name, seed)
    for itr in range(n_iter):
        paths = agent.sample_trajectories(env)
        obs = np.concatenate([p["obs"] for p in paths])
        acs = np.concatenate([p["acs"] for p in paths])
        agent.train_step(obs, acs, [p["res"] for p in paths])
        lg.log("avg reward", np.mean([p["res"].sum() for p in paths]))
    lg.finished(exp_name, ['avg'], seed)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("environment", type=str)
    parser.add_argument("--discount", "-d", type=float, default=1.0)
    parser.add_argument("--n_iter", "-i", type=int, default=100)
    parser.add_argument("--batch_size", "-b", type=int, default=1000)
    parser.add_argument("--learning_rate", "-lr", type=float, default=5e-3)
    parser.add_argument("--exp_name", type=str, default="vpg")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    train_PG(args.environment, args.discount, args.seed, args.n_iter, args.batch_size, args.learning_rate,
             args.exp_name)


if __name__ == "__main__":
    main()
