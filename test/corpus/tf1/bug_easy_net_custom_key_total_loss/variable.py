# Idiom seen in: pypi-data/pypi-mirror-38 packages/easy_net_tf-0.0.106.tar.gz/easy_net_tf-0.0.106/easy_net_tf/tf/variable.py
# What it reproduces: a weight factory whose l2_regular=(collection_name, scale) tuple adds
#   l2_regularizer(scale)(w) to a custom collection 'l2_regular' (here applied to the Variable; the
#   package applies it to the initial value). Nothing reads that key in model_fn.py: WD101.
import tensorflow as tf
import tensorflow.contrib as tf_contrib


class UtilityVariable:

    @staticmethod
    def initialize_weight(shape, l2_regular=('l2_regular', 0.0005), name=''):
        """
        :param shape:
        :param l2_regular: a tuple (name of l2_regular collection, cancel if None; importance)
        :param name:
        """
        kernel = tf.Variable(tf.truncated_normal(shape, stddev=0.1), name=name)
        if l2_regular[0] is not None:
            tf.add_to_collection(  # expect: WD101
                name=l2_regular[0],
                value=tf_contrib.layers.l2_regularizer(scale=l2_regular[1])(kernel)
            )
        return kernel

    @staticmethod
    def initialize_bias(shape, name=''):
        return tf.Variable(tf.constant(0.1, shape=shape), name=name)
