# Idiom seen in: mohakbhardwaj/deep-rl networks/DDPGActorCritic.py
# What it reproduces: DDPG actor-critic in TF1/tflearn whose constructor takes critic_l2_weight_decay=0.01
#   (the paper's value) and leaves "[TODO: Add L2 weight decay for critic]"; here a user fills the TODO by
#   computing the critic's L2 term and sending it to TensorBoard, but the critic optimizer still minimizes
#   the bare TD cost, so the term is computed and dropped (WD104).
import tensorflow as tf
import tflearn


class DDPGActorCritic(object):

  def __init__(self, sess, action_dim, num_observations, action_bound, batch_size,
               discount_factor=0.99, actor_learning_rate=0.0001, critic_learning_rate=0.001,
               critic_l2_weight_decay=0.01, tau=0.001, frameskip=3):
    self.sess = sess
    self.action_dim = action_dim
    self.num_observations = num_observations
    self.action_bound = action_bound
    self.batch_size = batch_size
    self.discount_factor = discount_factor
    self.actor_learning_rate = actor_learning_rate
    self.critic_learning_rate = critic_learning_rate
    self.critic_l2_weight_decay = critic_l2_weight_decay
    self.tau = tau
    self.frameskip = frameskip
    self.graph_ops = self.init_graph()
    self.sess.run(tf.global_variables_initializer())

  def create_network(self):
    w_init_f = tflearn.initializations.uniform_scaling(factor=1.0)
    w_init = tflearn.initializations.uniform(minval=-0.003, maxval=0.003)
    n_before = len(tf.trainable_variables())
    action_input = tf.placeholder("float", [None, self.action_dim])
    state_input = tf.placeholder(tf.float32, [None, self.frameskip * self.num_observations])
    net_co = tflearn.fully_connected(state_input, 400, activation='relu', weights_init=w_init_f)
    common_params = tf.trainable_variables()[n_before:]
    net_a = tflearn.fully_connected(net_co, 300, activation='relu', weights_init=w_init_f)
    output_a = tflearn.fully_connected(net_a, self.action_dim, activation='tanh', weights_init=w_init)
    output_a = tf.multiply(output_a, self.action_bound)
    actor_params = tf.trainable_variables()[n_before + len(common_params):]
    t1 = tflearn.fully_connected(net_co, 300, weights_init=w_init_f)
    t2 = tflearn.fully_connected(action_input, 300, weights_init=w_init_f)
    net_c = tflearn.activation(tf.matmul(net_co, t1.W) + tf.matmul(action_input, t2.W) + t2.b,
                               activation='relu')
    output_c = tflearn.fully_connected(net_c, 1, weights_init=w_init)
    critic_params = tf.trainable_variables()[n_before + len(common_params) + len(actor_params):]
    return state_input, action_input, output_a, output_c, common_params, actor_params, critic_params

  def init_graph(self):
    s, a, out_a, out_c, common_params, actor_params, critic_params = self.create_network()
    s_t, a_t, out_a_t, out_c_t, common_t, actor_t, critic_t = self.create_network()
    params = common_params + actor_params + critic_params
    params_t = common_t + actor_t + critic_t
    soft_update = [params_t[i].assign(tf.multiply(params[i], self.tau) +
                                      tf.multiply(params_t[i], 1. - self.tau))
                   for i in range(len(params))]

    # Actor: follow the critic's action gradient
    action_gradient_input = tf.placeholder(tf.float32, [None, self.action_dim])
    actor_vars = common_params + actor_params
    actor_gradient = tf.gradients(out_a, actor_vars, -action_gradient_input)
    train_actor = tf.train.AdamOptimizer(self.actor_learning_rate).apply_gradients(
        zip(actor_gradient, actor_vars))

    # Critic: TD regression, with L2 weight decay on its own weights as in the DDPG paper
    target_input = tf.placeholder("float", [None])
    cost = tflearn.mean_square(tf.squeeze(out_c, axis=1), target_input)
    critic_l2 = self.critic_l2_weight_decay * tf.add_n([tf.nn.l2_loss(v) for v in critic_params])  # expect: WD104
    tf.summary.scalar('critic_l2', critic_l2)
    tf.summary.scalar('critic_td_cost', cost)
    optimizer = tf.train.AdamOptimizer(learning_rate=self.critic_learning_rate)
    train_critic = optimizer.minimize(cost, var_list=common_params + critic_params)
    action_grads = tf.gradients(out_c, a)

    return {"s": s, "action_input": a, "critic_output": out_c, "actor_output": out_a,
            "target_input": target_input, "train_actor": train_actor, "train_critic": train_critic,
            "actor_gradient_input": action_gradient_input, "action_grads": action_grads,
            "s_t": s_t, "a_t": a_t, "critic_output_t": out_c_t, "actor_output_t": out_a_t,
            "soft_update": soft_update, "summaries": tf.summary.merge_all()}

  def train(self, state_batch, target_batch, action_batch):
    ops = self.graph_ops
    self.sess.run(ops["train_critic"], feed_dict={ops["s"]: state_batch, ops["action_input"]: action_batch,
                                                  ops["target_input"]: target_batch})
    a_outs = self.sess.run(ops["actor_output"], feed_dict={ops["s"]: state_batch})
    a_grads = self.sess.run(ops["action_grads"], feed_dict={ops["s"]: state_batch,
                                                           ops["action_input"]: a_outs})
    self.sess.run(ops["train_actor"], feed_dict={ops["s"]: state_batch,
                                                ops["actor_gradient_input"]: a_grads[0]})
    self.sess.run(ops["soft_update"])
