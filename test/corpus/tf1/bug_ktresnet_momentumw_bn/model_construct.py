# Idiom seen in: kaiqi123/ktResnet ModelConstruct.py
# What it reproduces: the repo's wide-ResNet teacher built from tf.layers with batch norm, trained by
#   tf.contrib.opt.MomentumWOptimizer(weight_decay=0.0005) minimized without decay_var_list, so the decoupled decay
#   also shrinks every batch-norm gamma/beta and the fc bias (WD203 at weight_decay=). Real repo behaviour.
import tensorflow as tf


class ResNet(object):
    def __init__(self, num_channels=3):
        self.num_channels = num_channels

    def conv2d(self, x, n_in, n_out, stride=1, padding=1, scope=None):
        with tf.variable_scope(scope, default_name="conv"):
            kernel = tf.get_variable("kernel", [3, 3, n_in, n_out],
                                     initializer=tf.variance_scaling_initializer())
            x = tf.pad(x, [[0, 0], [padding, padding], [padding, padding], [0, 0]])
            return tf.nn.conv2d(x, kernel, [1, stride, stride, 1], padding="VALID")

    def batch_norm(self, x, mode, name):
        return tf.layers.batch_normalization(x, training=(mode == "train"), name=name)

    def basic_block(self, x, n_in, n_out, stride, mode, scope):
        with tf.variable_scope(scope):
            o1 = tf.nn.relu(self.batch_norm(x, mode, "bn1"))
            y = self.conv2d(o1, n_in, n_out, stride=stride, scope="conv1")
            o2 = tf.nn.relu(self.batch_norm(y, mode, "bn2"))
            z = self.conv2d(o2, n_out, n_out, stride=1, scope="conv2")
            if n_in != n_out:
                with tf.variable_scope("shortcut"):
                    k = tf.get_variable("kernel", [1, 1, n_in, n_out],
                                        initializer=tf.variance_scaling_initializer())
                    return z + tf.nn.conv2d(o1, k, [1, stride, stride, 1], padding="SAME")
            return z + x

    def group(self, x, n_in, n_out, n, stride, mode, scope):
        with tf.variable_scope(scope):
            block = self.basic_block(x, n_in, n_out, stride, mode, "block0")
            for i in range(n - 1):
                block = self.basic_block(block, n_out, n_out, 1, mode, "block%d" % (i + 1))
        return block

    def build_teacher_model(self, rgb, num_classes, k, n, mode):
        stages = [16, 16 * k, 32 * k, 64 * k]
        x = self.conv2d(rgb, self.num_channels, stages[0], scope="stem")
        g0 = self.group(x, stages[0], stages[1], n, 1, mode, "group0")
        g1 = self.group(g0, stages[1], stages[2], n, 2, mode, "group1")
        g2 = self.group(g1, stages[2], stages[3], n, 2, mode, "group2")
        relu = tf.nn.relu(self.batch_norm(g2, mode, "afterGroupBn3"))
        pool = tf.reduce_mean(relu, axis=[1, 2])
        self.fc = tf.layers.dense(pool, num_classes, name="fc")
        self.softmax = tf.nn.softmax(self.fc)
        return self

    def loss(self, labels):
        xent = tf.nn.sparse_softmax_cross_entropy_with_logits(labels=labels, logits=self.fc)
        return tf.reduce_mean(xent, name="EntropyMean")

    def training(self, loss, learning_rate, global_step):
        optimizer = tf.contrib.opt.MomentumWOptimizer(weight_decay=0.0005,  # expect: WD203
                                                      learning_rate=learning_rate,
                                                      momentum=0.9, use_nesterov=True)
        apply_op = optimizer.minimize(loss, global_step=global_step)
        update_ops = tf.get_collection(tf.GraphKeys.UPDATE_OPS)
        with tf.control_dependencies([apply_op]):
            train_op = tf.group(*update_ops)
        return train_op
