# Idiom seen in: Rowing0914/TF_RL tf_rl/agents/Double_DQN.py (Double_DQN_cartpole._inner_update)
# What it reproduces: an agent class that receives the model class, the optimizer, the loss function and a
#   gradient-clipping function; the Double DQN target uses the online net for argmax and the target net for the
#   value, the per-sample Huber loss is averaged, and gradients of that mean alone update main_model.
import numpy as np
import tensorflow as tf


class Double_DQN_cartpole(object):
    def __init__(self, model, optimizer, loss_fn, grad_clip_fn, num_action, params):
        self.params = params
        self.num_action = num_action
        self.grad_clip_fn = grad_clip_fn
        self.loss_fn = loss_fn
        self.main_model = model(num_action)
        self.target_model = model(num_action)
        self.optimizer = optimizer
        self.index_timestep = 0

    def predict(self, state):
        state = np.expand_dims(state, axis=0).astype(np.float32)
        return self.main_model(tf.constant(state)).numpy()[0]

    def update(self, states, actions, rewards, next_states, dones):
        return self._inner_update(np.array(states, dtype=np.float32), np.array(actions, dtype=np.int32),
                                  np.array(rewards, dtype=np.float32), np.array(next_states, dtype=np.float32),
                                  np.array(dones, dtype=np.float32))

    @tf.function
    def _inner_update(self, states, actions, rewards, next_states, dones):
        with tf.GradientTape() as tape:
            next_Q_main = self.main_model(next_states)
            next_Q = self.target_model(next_states)
            q_values = self.main_model(states)
            idx_flattened = tf.range(0, tf.shape(next_Q)[0]) * tf.shape(next_Q)[1] + tf.cast(
                tf.math.argmax(next_Q_main, axis=-1), tf.int32)
            chosen_next_q = tf.gather(tf.reshape(next_Q, [-1]), idx_flattened)
            Y = tf.stop_gradient(rewards + self.params.gamma * chosen_next_q * (1. - dones))

            actions_one_hot = tf.one_hot(actions, self.num_action, 1.0, 0.0)
            chosen_q = tf.math.reduce_sum(actions_one_hot * q_values, axis=1)
            batch_loss = self.loss_fn(Y, chosen_q, reduction=tf.compat.v1.losses.Reduction.NONE)
            loss = tf.math.reduce_mean(batch_loss)

        grads = tape.gradient(loss, self.main_model.trainable_weights)
        grads = self.grad_clip_fn(grads)
        self.optimizer.apply_gradients(zip(grads, self.main_model.trainable_weights))
        return loss, batch_loss
