# Idiom seen in: mizworski/AlphaSoccer alphasoccer/actor_critic/model.py (class Model)
# What it reproduces: the learner builds two ResNetPolicy players, computes the policy cross entropy, the value
#   MSE and the regularization sum of the training player's scope, logs all three, and then differentiates a
#   loss whose "+ reg_loss" was commented out while debugging (tf.gradients over the player's variables,
#   clipping, Adam apply_gradients).
# label-note: WD105 on the line that sums the scope's regularization losses: the sum exists and is logged
#   ('reg_loss'), but it is not part of `loss`. The weights_regularizer in policy_network.py is the source of the
#   terms; it is not labelled separately (same defect).
import os

import tensorflow as tf

from policy_network import ResNetPolicy
from utils import Scheduler


class Model(object):
    def __init__(self, ob_space, ac_space, batch_size, vf_coef=1.0, max_grad_norm=2.0, lr=1e-3,
                 training_timesteps=1024, model_dir='models/actor_critic', log_dir='models/logs/',
                 n_kernels=128, reg_fact=1e-4, residual_blocks=8):
        training_player_scope = 'training_player'
        best_player_scope = 'best_player'
        sess = tf.Session(config=tf.ConfigProto(allow_soft_placement=True))

        PI = tf.placeholder(tf.float32, [batch_size, ac_space.n], name='pi')
        R = tf.placeholder(tf.float32, [batch_size], name='reward')
        LR = tf.placeholder(tf.float32, [], name='learning_rate')

        step_model = ResNetPolicy(sess, ob_space, ac_space.n, best_player_scope,
                                  n_kernels=n_kernels, reg_fact=reg_fact, residual_blocks=residual_blocks)
        train_model = ResNetPolicy(sess, ob_space, ac_space.n, training_player_scope,
                                   n_kernels=n_kernels, reg_fact=reg_fact, residual_blocks=residual_blocks)

        summaries = []
        with tf.variable_scope('loss'):
            cross_entropy = tf.nn.softmax_cross_entropy_with_logits_v2(logits=train_model.logits, labels=PI)
            pg_loss = tf.reduce_mean(cross_entropy)
            vf_loss = tf.losses.mean_squared_error(predictions=tf.squeeze(train_model.vf, axis=1), labels=R)
            reg_loss = tf.reduce_mean(tf.losses.get_regularization_losses(scope=training_player_scope))  # expect: WD105
            summaries.append(tf.summary.scalar('policy_cross_entropy', pg_loss))
            summaries.append(tf.summary.scalar('critic_mse', vf_loss))
            summaries.append(tf.summary.scalar('reg_loss', reg_loss))

            # loss = pg_loss + vf_loss * vf_coef + reg_loss
            loss = pg_loss + vf_loss * vf_coef
            summaries.append(tf.summary.scalar('total_loss', loss))

        params = tf.trainable_variables(scope=training_player_scope)
        grads, _ = tf.clip_by_global_norm(tf.gradients(loss, params), max_grad_norm)
        _train = tf.train.AdamOptimizer(learning_rate=LR).apply_gradients(list(zip(grads, params)))

        summary_op = tf.summary.merge(summaries)
        self.summary_writer = tf.summary.FileWriter(log_dir, sess.graph)
        self.lr = Scheduler(v=lr, n_values=training_timesteps, schedule='constant')
        saver = tf.train.Saver()

        def train(state, pi, rewards, train_iter=0):
            td_map = {train_model.X: state, PI: pi, R: rewards, LR: self.lr.value()}
            summary, policy_loss, value_loss, _ = sess.run([summary_op, pg_loss, vf_loss, _train], td_map)
            self.summary_writer.add_summary(summary, train_iter)
            return policy_loss, value_loss

        def update_best_player():
            best = tf.get_collection(tf.GraphKeys.GLOBAL_VARIABLES, scope=best_player_scope)
            current = tf.get_collection(tf.GraphKeys.GLOBAL_VARIABLES, scope=training_player_scope)
            sess.run([b.assign(c) for b, c in zip(best, current)])

        self.train = train
        self.step = step_model.step
        self.update_best_player = update_best_player
        self.save = lambda step=0: saver.save(sess, os.path.join(model_dir, 'model.ckpt'), global_step=step)
        tf.global_variables_initializer().run(session=sess)
        self.update_best_player()
