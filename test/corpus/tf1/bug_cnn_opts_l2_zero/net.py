# Idiom seen in: boluoweifenda/CNN source/options/opts_mlp_mnist.py
# Idiom seen in: boluoweifenda/CNN source/nets/net.py
# Idiom seen in: boluoweifenda/CNN source/top.py
# What it reproduces: the options module sets l2_decay = {'decay': 0e-4, ...} (as the repo's MLP/MNIST options do), so
#   Net.get_l2_loss()'s "if decay > 0:" branch never runs and the L2 machinery wired into the loss is dead code.
import tensorflow as tf


class Net(object):

  def __init__(self, opts, is_training=True):
    self.l2_decay = opts.l2_decay
    self.is_training = is_training
    self.MACs = []

  def fc(self, x, units, name):
    with tf.variable_scope(name):
      shape_in = x.get_shape().as_list()[-1]
      w = tf.get_variable('weights', [shape_in, units],
                          initializer=tf.variance_scaling_initializer())
      b = tf.get_variable('bias', [units], initializer=tf.zeros_initializer())
      self.MACs.append([name, shape_in * units])
      return tf.matmul(x, w) + b

  def model(self, x, num_classes):
    x = tf.layers.flatten(x)
    x = tf.nn.relu(self.fc(x, 512, 'fc0'))
    x = tf.nn.relu(self.fc(x, 512, 'fc1'))
    return self.fc(x, num_classes, 'logits')

  def get_l2_loss(self):
    decay = self.l2_decay['decay']
    if decay > 0:  # expect: WD303
      list_var = []
      exclude_keys = self.l2_decay['exclude']
      for var in tf.trainable_variables():
        name_lowcase = var.op.name.lower()
        if not any(e.lower() in name_lowcase for e in exclude_keys):
          list_var.append(tf.nn.l2_loss(var))
      print('Add L2 weight decay', decay, 'to', len(list_var), 'variables')
      return decay * tf.add_n(list_var)
    else:
      return tf.constant(0.0)
