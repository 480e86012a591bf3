# Idiom seen in: boluoweifenda/CNN source/options/opts_mlp_mnist.py
# Idiom seen in: boluoweifenda/CNN source/nets/net.py
# Idiom seen in: boluoweifenda/CNN source/top.py
# What it reproduces: the options module sets l2_decay = {'decay': 0e-4, ...} (as the repo's MLP/MNIST options do), so
#   Net.get_l2_loss()'s "if decay > 0:" branch never runs and the L2 machinery wired into the loss is dead code.
import tensorflow as tf

title = 'mlp_mnist'
mode = 'train'
seed = None
gpu_list = [0]
batch_size = 128

dataset = 'mnist'
preprocess = 'mnist'
network = 'mlp'

path_load = None
path_save = True

l2_decay = {'decay': 0e-4, 'exclude': ['depthwise', 'batchnorm']}
epoch_step = tf.Variable(1, name='epoch_step', trainable=False)
learning_step = tf.Variable(0, name='learning_step', trainable=False)
lr_decay = tf.train.cosine_decay(0.1, epoch_step, decay_steps=100)
loss_func = tf.losses.softmax_cross_entropy
optimizer = tf.train.MomentumOptimizer(lr_decay, 0.9, use_nesterov=True)
