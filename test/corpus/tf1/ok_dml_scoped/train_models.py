# Idiom seen in: YingZhangDUT/Deep-Mutual-Learning train_models.py
# What it reproduces: deep mutual learning with two networks under scopes dmlnet_0/dmlnet_1: each net's
#   total loss is its cross entropy + KL term + tf.get_collection(REGULARIZATION_LOSSES, scope=its scope),
#   and each Adam optimizer computes gradients of that per-net total. Clean.
import tensorflow as tf

import nets_factory
from datasets import dataset_factory

slim = tf.contrib.slim
FLAGS = tf.app.flags.FLAGS
tf.app.flags.DEFINE_integer('num_networks', 2, 'Number of networks trained together.')
tf.app.flags.DEFINE_string('model_name', 'mobilenet_v1,mobilenet_v1', 'Networks.')
tf.app.flags.DEFINE_float('weight_decay', 0.0001, 'The weight decay on the model weights.')
tf.app.flags.DEFINE_float('learning_rate', 0.0002, 'Initial learning rate.')
tf.app.flags.DEFINE_integer('batch_size', 16, 'Batch size.')
tf.app.flags.DEFINE_integer('max_number_of_steps', 100000, 'Steps.')


def kl_loss_compute(logits1, logits2):
    pred1 = tf.nn.softmax(logits1)
    pred2 = tf.nn.softmax(logits2)
    return tf.reduce_mean(tf.reduce_sum(pred2 * tf.log(1e-8 + pred2 / (pred1 + 1e-8)), 1))


def _tower_loss(network_fn, images, labels):
    logits, total = {}, {}
    for i in range(FLAGS.num_networks):
        logits[i], _ = network_fn[i](images, scope='dmlnet_%d' % i)
    for i in range(FLAGS.num_networks):
        net_loss = tf.losses.softmax_cross_entropy(logits=logits[i], onehot_labels=labels)
        for j in range(FLAGS.num_networks):
            if i != j:
                net_loss += kl_loss_compute(logits[i], logits[j])
        reg = tf.get_collection(tf.GraphKeys.REGULARIZATION_LOSSES, scope='dmlnet_%d' % i)
        total[i] = tf.add_n([net_loss] + reg, name='net%d_total_loss' % i)
        tf.summary.scalar('net%d_total_loss' % i, total[i])
    return total


def train():
    with tf.Graph().as_default():
        global_step = tf.train.get_or_create_global_step()
        dataset = dataset_factory.get_dataset('market', 'train', FLAGS.dataset_dir)
        names = [n.strip() for n in FLAGS.model_name.split(',')]
        network_fn = {i: nets_factory.get_network_fn(names[i], num_classes=dataset.num_classes,
                                                     weight_decay=FLAGS.weight_decay, is_training=True)
                      for i in range(FLAGS.num_networks)}
        images, labels = dataset_factory.batch_inputs(dataset, FLAGS.batch_size)
        net_total = _tower_loss(network_fn, images, labels)
        train_ops = []
        for i in range(FLAGS.num_networks):
            opt = tf.train.AdamOptimizer(FLAGS.learning_rate, beta1=0.5)
            var_list = [v for v in tf.trainable_variables() if 'dmlnet_%d' % i in v.name]
            grads = opt.compute_gradients(net_total[i], var_list=var_list)
            update_ops = tf.get_collection(tf.GraphKeys.UPDATE_OPS, scope='dmlnet_%d' % i)
            with tf.control_dependencies(update_ops):
                train_ops.append(opt.apply_gradients(grads, global_step=global_step))
        with tf.Session() as sess:
            sess.run(tf.global_variables_initializer())
            tf.train.start_queue_runners(sess=sess)
            for step in range(FLAGS.max_number_of_steps):
                for i in range(FLAGS.num_networks):
                    sess.run(train_ops[i])


def main(_):
    train()


if __name__ == '__main__':
    tf.app.run()
