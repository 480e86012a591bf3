# Idiom seen in: XMUMATH/SOR hyper_parameters_orginal.py
# What it reproduces: the flags module of the resnet-in-tensorflow fork; the weight decay is a flag
#   read by the model module (see resnet_my.py for the bug).
import tensorflow as tf

FLAGS = tf.app.flags.FLAGS
tf.app.flags.DEFINE_float('weight_decay', 0.0002, '''scale for l2 regularization''')
tf.app.flags.DEFINE_float('init_lr', 0.1, '''Initial learning rate''')
tf.app.flags.DEFINE_integer('num_residual_blocks', 5, '''Number of residual blocks''')
tf.app.flags.DEFINE_integer('train_batch_size', 128, '''Train batch size''')
tf.app.flags.DEFINE_integer('train_steps', 80000, '''Total steps''')
