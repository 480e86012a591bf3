# Idiom seen in: jerryli27/rl_causal rl_models/critic_network.py
# Idiom seen in: jerryli27/rl_causal rl_models/ppo.py
# What it reproduces: the repository's Sequential critic with l1_l2 kernel and bias regularizers (trained there through
#   compile/fit); realistic mistake: the critic is moved to a GradientTape TD-error loop whose loss leaves out critic.losses.
import numpy as np
import tensorflow as tf
from absl import app, flags

from critic_network import get_critic_network
from env_utils import env_rl_utils, get_data_utils

FLAGS = flags.FLAGS
flags.DEFINE_float('gamma', 0.99, 'discount')
flags.DEFINE_float('critic_lr', 1e-3, 'critic learning rate')
flags.DEFINE_integer('num_episodes', 500, 'episodes per iteration')
flags.DEFINE_integer('iterations', 200, 'training iterations')


def main(_):
    env = env_rl_utils.make_env('SinglePath-v0')
    critic = get_critic_network()
    optimizer = tf.keras.optimizers.Adam(FLAGS.critic_lr)

    @tf.function
    def critic_step(obs, next_obs, reward, done):
        v_next = tf.stop_gradient(critic(next_obs))
        target = reward + FLAGS.gamma * (1.0 - done) * v_next
        with tf.GradientTape() as tape:
            v = critic(obs, training=True)
            td_loss = tf.reduce_mean(tf.square(v - target))
        grads = tape.gradient(td_loss, critic.trainable_variables)
        optimizer.apply_gradients(zip(grads, critic.trainable_variables))
        return td_loss

    for it in range(FLAGS.iterations):
        batch = get_data_utils.collect_transitions(env, FLAGS.num_episodes)
        losses = []
        for obs, next_obs, reward, done in get_data_utils.minibatches(batch, 256):
            losses.append(float(critic_step(obs, next_obs, reward, done)))
        print('iteration %d critic loss %.4f' % (it, np.mean(losses)))


if __name__ == '__main__':
    app.run(main)
