# Idiom seen in: yanpanlau/DDPG-Keras-Torcs ddpg.py
# What it reproduces: the DDPG training loop of the Torcs example: critic.train_on_batch on TD targets,
#   actor updated by actor.train(states, critic.gradients(...)); the Torcs environment and the replay buffer
#   come from modules this program does not hold. The actor's regularizers never enter its update.
import numpy as np
import tensorflow as tf
from ReplayBuffer import ReplayBuffer
from gym_torcs import TorcsEnv
from actor_network import ActorNetwork
from critic_network import CriticNetwork
from OU import OU

tf.compat.v1.disable_eager_execution()
OU = OU()


def playGame(train_indicator=1):
    BUFFER_SIZE = 100000
    BATCH_SIZE = 32
    GAMMA = 0.99
    TAU = 0.001
    LRA = 0.0001
    LRC = 0.001
    action_dim = 3
    state_dim = 29
    episode_count = 2000
    max_steps = 100000

    sess = tf.compat.v1.Session()
    actor = ActorNetwork(sess, state_dim, action_dim, BATCH_SIZE, TAU, LRA)
    critic = CriticNetwork(sess, state_dim, action_dim, BATCH_SIZE, TAU, LRC)
    buff = ReplayBuffer(BUFFER_SIZE)
    env = TorcsEnv(vision=False, throttle=True, gear_change=False)

    for i in range(episode_count):
        ob = env.reset(relaunch=(i % 3 == 0))
        s_t = np.hstack((ob.angle, ob.track, ob.trackPos, ob.speedX, ob.speedY, ob.speedZ, ob.wheelSpinVel / 100.0, ob.rpm))
        total_reward = 0.
        for j in range(max_steps):
            a_t_original = actor.model.predict(s_t.reshape(1, s_t.shape[0]))
            noise = np.array([OU.function(a_t_original[0][0], 0.0, 0.60, 0.30),
                              OU.function(a_t_original[0][1], 0.5, 1.00, 0.10),
                              OU.function(a_t_original[0][2], -0.1, 1.00, 0.05)])
            a_t = a_t_original[0] + train_indicator * noise
            ob, r_t, done, info = env.step(a_t)
            s_t1 = np.hstack((ob.angle, ob.track, ob.trackPos, ob.speedX, ob.speedY, ob.speedZ, ob.wheelSpinVel / 100.0, ob.rpm))
            buff.add(s_t, a_t, r_t, s_t1, done)

            batch = buff.getBatch(BATCH_SIZE)
            states = np.asarray([e[0] for e in batch])
            actions = np.asarray([e[1] for e in batch])
            rewards = np.asarray([e[2] for e in batch])
            new_states = np.asarray([e[3] for e in batch])
            dones = np.asarray([e[4] for e in batch])
            target_q_values = critic.target_model.predict([new_states, actor.target_model.predict(new_states)])
            y_t = rewards[:, None] + GAMMA * target_q_values * (1 - dones[:, None])

            if train_indicator:
                critic.model.train_on_batch([states, actions], y_t)
                a_for_grad = actor.model.predict(states)
                grads = critic.gradients(states, a_for_grad)
                actor.train(states, grads)
                actor.target_train()
                critic.target_train()

            total_reward += r_t
            s_t = s_t1
            if done:
                break
        print("Episode", i, "Reward", total_reward)
    env.end()


if __name__ == "__main__":
    playGame()
