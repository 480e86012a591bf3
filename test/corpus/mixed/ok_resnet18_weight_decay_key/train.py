# Idiom seen in: dalgu90/resnet-18-tensorflow resnet.py; tensorflow/models research/slim/train_image_classifier.py
# What it reproduces: the flag-driven TF1 training script run through tf.compat.v1: input from an
# imagenet_input module this workspace does not hold, the ResNet graph, a Session loop, and
# tf.compat.v1.app.run() as the entry point. The decay is wired in resnet.py: no finding.
import tensorflow as tf

import imagenet_input
import resnet

FLAGS = tf.compat.v1.app.flags.FLAGS
tf.compat.v1.app.flags.DEFINE_string('train_dataset', 'scripts/train.txt', 'Training dataset list')
tf.compat.v1.app.flags.DEFINE_integer('batch_size', 256, 'Batch size')
tf.compat.v1.app.flags.DEFINE_float('l2_weight', 0.0001, 'L2 loss weight applied to all the weights')
tf.compat.v1.app.flags.DEFINE_float('momentum', 0.9, 'The momentum value')
tf.compat.v1.app.flags.DEFINE_float('initial_lr', 0.1, 'Initial learning rate')
tf.compat.v1.app.flags.DEFINE_integer('max_steps', 500000, 'Number of batches to run')


def train():
    tf.compat.v1.disable_eager_execution()
    global_step = tf.compat.v1.train.get_or_create_global_step()
    with tf.device('/CPU:0'):
        images, labels = imagenet_input.distorted_inputs(FLAGS.train_dataset, FLAGS.batch_size, True)
    hp = resnet.HParams(batch_size=FLAGS.batch_size, num_classes=1000,
                        weight_decay=FLAGS.l2_weight, momentum=FLAGS.momentum)
    network = resnet.ResNet(hp, images, labels, global_step)
    network.build_model()
    network.build_train_op()

    with tf.compat.v1.Session() as sess:
        sess.run(tf.compat.v1.global_variables_initializer())
        tf.compat.v1.train.start_queue_runners(sess=sess)
        for step in range(FLAGS.max_steps):
            lr = FLAGS.initial_lr * (0.1 ** (step // 150000))
            _, loss_value = sess.run([network.train_op, network.loss],
                                     feed_dict={network.is_train: True, network.lr: lr})
            if step % 100 == 0:
                print('step %d, loss = %.4f, lr = %f' % (step, loss_value, lr))


def main(argv=None):
    train()


if __name__ == '__main__':
    tf.compat.v1.app.run()
