# Idiom seen in: wenxinxu/resnet-in-tensorflow hyper_parameters.py
# What it reproduces: tf.app.flags module holding the l2 scale used by the variable helper.
import tensorflow as tf

FLAGS = tf.app.flags.FLAGS

tf.app.flags.DEFINE_string('version', 'test_110', '''A version number defining the directory to save logs''')
tf.app.flags.DEFINE_integer('train_steps', 80000, '''Total steps that you want to train''')
tf.app.flags.DEFINE_integer('train_batch_size', 128, '''Train batch size''')
tf.app.flags.DEFINE_integer('validation_batch_size', 250, '''Validation batch size''')
tf.app.flags.DEFINE_float('train_ema_decay', 0.95, '''The decay factor of the train error's moving average''')
tf.app.flags.DEFINE_float('init_lr', 0.1, '''Initial learning rate''')
tf.app.flags.DEFINE_float('lr_decay_factor', 0.1, '''How much to decay the learning rate each time''')
tf.app.flags.DEFINE_integer('decay_step0', 40000, '''At which step to decay the learning rate''')
tf.app.flags.DEFINE_integer('decay_step1', 60000, '''At which step to decay the learning rate''')
tf.app.flags.DEFINE_integer('num_residual_blocks', 5, '''How many residual blocks do you want''')
tf.app.flags.DEFINE_integer('padding_size', 2, '''In data augmentation, layers of zero padding on each side of the image''')
tf.app.flags.DEFINE_float('weight_decay', 0.0002, '''scale for l2 regularization''')
