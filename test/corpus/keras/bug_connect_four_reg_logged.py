# Idiom seen in: tiffanymatthe/connect-four CNN.py
# What it reproduces: REINFORCE agent for Kaggle ConnectX with a Sequential policy and a hand-written
# GradientTape train_step. In this realistic edit the Dense layers get kernel_regularizer=l2(1e-4) and
# the step sums model.losses for the log, but tape.gradient still differentiates the policy loss only.
import numpy as np
import tensorflow as tf
from tensorflow.keras import layers, models, optimizers, regularizers
from kaggle_environments import make

L2 = 1e-4


def create_model():
    model = models.Sequential()
    model.add(layers.Flatten(input_shape=(6, 7)))
    for _ in range(4):
        model.add(layers.Dense(50, activation='relu', kernel_regularizer=regularizers.l2(L2)))
    model.add(layers.Dense(7))
    return model


def compute_loss(logits, actions, rewards):
    neg_logprob = tf.nn.sparse_softmax_cross_entropy_with_logits(logits=logits, labels=actions)
    return tf.reduce_mean(neg_logprob * rewards)


def train_step(model, optimizer, observations, actions, rewards):
    with tf.GradientTape() as tape:
        logits = model(observations, training=True)
        loss = compute_loss(logits, actions, rewards)
        reg_loss = tf.add_n(model.losses)  # expect: WD105
    grads = tape.gradient(loss, model.trainable_variables)
    optimizer.apply_gradients(zip(grads, model.trainable_variables))
    return loss, reg_loss


def discount_rewards(rewards, gamma=0.95):
    discounted, running = np.zeros_like(rewards, dtype=np.float32), 0.0
    for t in reversed(range(len(rewards))):
        running = running * gamma + rewards[t]
        discounted[t] = running
    return (discounted - discounted.mean()) / (discounted.std() + 1e-8)


def play_episode(model, trainer):
    observation = trainer.reset()
    obs_list, act_list, rew_list = [], [], []
    done = False
    while not done:
        board = np.array(observation['board'], dtype=np.float32).reshape(6, 7)
        logits = model(board[None])
        legal = board[0] == 0
        probs = tf.nn.softmax(tf.where(legal, logits[0], -1e9)).numpy()
        action = int(np.random.choice(7, p=probs))
        observation, reward, done, _ = trainer.step(action)
        obs_list.append(board)
        act_list.append(action)
        rew_list.append(0.0 if reward is None else float(reward))
    return np.stack(obs_list), np.array(act_list), discount_rewards(np.array(rew_list))


if __name__ == '__main__':
    env = make("connectx", debug=False)
    trainer = env.train([None, "negamax"])
    model = create_model()
    optimizer = optimizers.Adam(learning_rate=1e-3)
    for episode in range(2000):
        observations, actions, rewards = play_episode(model, trainer)
        loss, reg_loss = train_step(model, optimizer, observations, actions, rewards)
        if episode % 100 == 0:
            print('episode %d loss %.4f l2 %.5f' % (episode, float(loss), float(reg_loss)))
