# Idiom seen in: openai/universe-starter-agent a3c.py
# Idiom seen in: openai/universe-starter-agent model.py
# What it reproduces: the A3C loss `pi_loss + 0.5 * vf_loss - entropy * 0.01`; the user appends an L2
#   penalty on the policy's weights after the entropy bonus and keeps its minus sign, so the penalty is
#   subtracted: a negative decay that rewards growing weights (realistic user mistake).
import tensorflow as tf
from envs import create_env
from model import LSTMPolicy

L2_COEF = 1e-4
ENTROPY_COEF = 0.01


class A3C(object):
    def __init__(self, env, task):
        self.env = env
        self.task = task
        worker_device = "/job:worker/task:{}/cpu:0".format(task)
        with tf.device(tf.train.replica_device_setter(1, worker_device=worker_device)):
            with tf.variable_scope("global"):
                self.network = LSTMPolicy(env.observation_space.shape, env.action_space.n)
                self.global_step = tf.get_variable("global_step", [], tf.int32,
                                                   initializer=tf.constant_initializer(0, dtype=tf.int32),
                                                   trainable=False)

        with tf.device(worker_device):
            with tf.variable_scope("local"):
                self.local_network = pi = LSTMPolicy(env.observation_space.shape, env.action_space.n)

            self.ac = tf.placeholder(tf.float32, [None, env.action_space.n], name="ac")
            self.adv = tf.placeholder(tf.float32, [None], name="adv")
            self.r = tf.placeholder(tf.float32, [None], name="r")

            log_prob_tf = tf.nn.log_softmax(pi.logits)
            prob_tf = tf.nn.softmax(pi.logits)
            pi_loss = - tf.reduce_sum(tf.reduce_sum(log_prob_tf * self.ac, [1]) * self.adv)
            vf_loss = 0.5 * tf.reduce_sum(tf.square(pi.vf - self.r))
            entropy = - tf.reduce_sum(prob_tf * log_prob_tf)

            weights = [v for v in pi.var_list if v.name.endswith("W:0") or v.name.endswith("w:0")]
            l2 = tf.add_n([tf.nn.l2_loss(w) for w in weights])
            self.loss = pi_loss + 0.5 * vf_loss - entropy * ENTROPY_COEF - L2_COEF * l2  # expect: WD302

            grads = tf.gradients(self.loss, pi.var_list)
            tf.summary.scalar("model/l2", l2)
            grads, _ = tf.clip_by_global_norm(grads, 40.0)
            self.sync = tf.group(*[v1.assign(v2) for v1, v2 in zip(pi.var_list, self.network.var_list)])
            grads_and_vars = list(zip(grads, self.network.var_list))
            inc_step = self.global_step.assign_add(tf.shape(pi.x)[0])
            opt = tf.train.AdamOptimizer(1e-4)
            self.train_op = tf.group(opt.apply_gradients(grads_and_vars), inc_step)


def run(args, server):
    env = create_env(args.env_id, client_id=str(args.task), remotes=args.remotes)
    trainer = A3C(env, args.task)
    return trainer
