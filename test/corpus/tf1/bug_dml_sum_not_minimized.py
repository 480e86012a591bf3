# Idiom seen in: YingZhangDUT/Deep-Mutual-Learning train_models.py
# What it reproduces: the per-network scoped sum of REGULARIZATION_LOSSES; a user mistake in that idiom
#   (the repo trains on the total): the total with the scoped regularization is only summarized and kept
#   for printing, while compute_gradients gets the bare xent+KL loss, so the sum is never minimized (WD105).
import tensorflow as tf

from datasets import dataset_factory
from nets import nets_factory

slim = tf.contrib.slim
FLAGS = tf.app.flags.FLAGS
tf.app.flags.DEFINE_integer('num_networks', 2, 'Number of networks.')
tf.app.flags.DEFINE_string('model_name', 'mobilenet_v1,mobilenet_v1', 'Networks.')
tf.app.flags.DEFINE_float('weight_decay', 0.0001, 'The weight decay on the model weights.')
tf.app.flags.DEFINE_float('learning_rate', 0.0002, 'Learning rate.')
tf.app.flags.DEFINE_string('dataset_dir', None, 'Dataset directory.')


def kl_loss_compute(logits1, logits2):
    pred1 = tf.nn.softmax(logits1)
    pred2 = tf.nn.softmax(logits2)
    return tf.reduce_mean(tf.reduce_sum(pred2 * tf.log(1e-8 + pred2 / (pred1 + 1e-8)), 1))


def _tower_loss(network_fn, images, labels):
    net_logits, net_loss, net_total_loss = {}, {}, {}
    for i in range(FLAGS.num_networks):
        net_logits[i], _ = network_fn[i](images, scope='dmlnet_%d' % i)
    for i in range(FLAGS.num_networks):
        net_loss[i] = tf.losses.softmax_cross_entropy(logits=net_logits[i], onehot_labels=labels)
        for j in range(FLAGS.num_networks):
            if i != j:
                net_loss[i] += kl_loss_compute(net_logits[i], net_logits[j])
        net_total_loss[i] = tf.add_n([net_loss[i]] + tf.get_collection(tf.GraphKeys.REGULARIZATION_LOSSES, scope='dmlnet_%d' % i))  # expect: WD105
        tf.summary.scalar('net%d_total_loss' % i, net_total_loss[i])
    return net_loss, net_total_loss


def main(_):
    dataset = dataset_factory.get_dataset('market', 'train', FLAGS.dataset_dir)
    names = [n.strip() for n in FLAGS.model_name.split(',')]
    network_fn = {i: nets_factory.get_network_fn(names[i], num_classes=dataset.num_classes,
                                                 weight_decay=FLAGS.weight_decay, is_training=True)
                  for i in range(FLAGS.num_networks)}
    images, labels = dataset_factory.batch_inputs(dataset, 16)
    net_loss, net_total_loss = _tower_loss(network_fn, images, labels)
    global_step = tf.train.get_or_create_global_step()
    train_ops = []
    for i in range(FLAGS.num_networks):
        opt = tf.train.AdamOptimizer(FLAGS.learning_rate, beta1=0.5)
        var_list = [v for v in tf.trainable_variables() if 'dmlnet_%d' % i in v.name]
        grads = opt.compute_gradients(net_loss[i], var_list=var_list)
        train_ops.append(opt.apply_gradients(grads, global_step=global_step))
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        tf.train.start_queue_runners(sess=sess)
        for step in range(100000):
            for i in range(FLAGS.num_networks):
                _, total = sess.run([train_ops[i], net_total_loss[i]])
            if step % 10 == 0:
                print('step %d, net0 total loss = %.3f' % (step, total))


if __name__ == '__main__':
    tf.app.run()
