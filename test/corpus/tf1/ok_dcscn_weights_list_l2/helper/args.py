# Idiom seen in: jiny2001/dcscn-super-resolution DCSCN.py (the hyper-parameters the model class reads: l2_decay,
#   optimizer, momentum, clipping_norm, lr_decay, lr_decay_epoch; the repo defines them as flags in a helper module)
# What it reproduces: the super-resolution hyper-parameters as tf.app.flags shared by every entry script;
#   l2_decay is the weight decay of the conv kernels, lr_decay is a learning-rate schedule factor.
import tensorflow as tf

flags = tf.app.flags
FLAGS = flags.FLAGS

flags.DEFINE_integer("scale", 2, "Scale factor for super resolution")
flags.DEFINE_integer("layers", 12, "Number of feature-extraction CNN layers")
flags.DEFINE_integer("filters", 196, "Filters of the first layer")
flags.DEFINE_integer("min_filters", 48, "Filters of the last layer")
flags.DEFINE_float("weight_dev", 1.0, "Initial weight stddev (He initializer)")
flags.DEFINE_boolean("batch_norm", False, "Use batch normalization after each CNN layer")
flags.DEFINE_float("l2_decay", 0.0001, "L2 decay of the conv kernels")
flags.DEFINE_string("optimizer", "adam", "Optimizer: one of [gd, momentum, adam]")
flags.DEFINE_float("initial_lr", 0.002, "Initial learning rate")
flags.DEFINE_float("lr_decay", 0.5, "Learning rate decay rate")
flags.DEFINE_integer("lr_decay_epoch", 9, "Epochs without improvement before lr decay")
flags.DEFINE_float("momentum", 0.9, "Momentum for the momentum optimizer")
flags.DEFINE_float("clipping_norm", 5, "Gradient clipping norm, 0 to disable")
flags.DEFINE_integer("batch_num", 20, "Mini-batch size")
flags.DEFINE_string("dataset", "yang91", "Training dataset dir")


def get():
    return FLAGS
