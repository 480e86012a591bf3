# Idiom seen in: baidu-research/UnDepthflow train.py (and a fork that adds a reg_loss summary per tower)
# What it reproduces: multi-GPU towers that call compute_gradients(model.loss) and average them; on the first tower the regularization losses are summed with add_n only to be logged. Bug: the sum is never added to model.loss, so the slim weights_regularizer penalties never reach the optimizer.
import tensorflow as tf
from tensorflow.python.platform import app
from tensorflow.python.platform import flags

from monodepth_dataloader import MonodepthDataloader
from loss_utils import average_gradients
from models import *  # noqa: F401,F403

FLAGS = flags.FLAGS
flags.DEFINE_string('trace', './', 'directory for model checkpoints.')
flags.DEFINE_integer('num_iterations', 300000, 'number of training iterations.')
flags.DEFINE_integer('num_gpus', 1, 'the number of gpu to use')
flags.DEFINE_float('learning_rate', 0.0001, 'the base learning rate')
flags.DEFINE_float('flow_smooth_weight', 10.0, 'Weight for flow smoothness')

SUMMARY_INTERVAL = 100
SAVE_INTERVAL = 2500


def main(unused_argv):
    with tf.Graph().as_default(), tf.device('/cpu:0'):
        global_step = tf.Variable(0, trainable=False)
        train_op = tf.train.AdamOptimizer(FLAGS.learning_rate)
        image1, image2 = MonodepthDataloader(FLAGS).data_batch
        split1 = tf.split(axis=0, num_or_size_splits=FLAGS.num_gpus, value=image1)
        split2 = tf.split(axis=0, num_or_size_splits=FLAGS.num_gpus, value=image2)

        tower_grads = []
        with tf.variable_scope(tf.get_variable_scope()) as vs:
            for i in range(FLAGS.num_gpus):
                with tf.device('/gpu:%d' % i), tf.name_scope('tower_%d' % i):
                    model = Model_flow(split1[i], split2[i], reuse_scope=(i > 0), scope=vs)
                    if i == 0:
                        var_train_list = tf.trainable_variables()
                        reg_loss = tf.add_n(tf.get_collection(tf.GraphKeys.REGULARIZATION_LOSSES))  # expect: WD105
                        tf.summary.scalar('reg_loss', reg_loss)
                    grads = train_op.compute_gradients(model.loss, var_list=var_train_list)
                    tower_grads.append(grads)

        grads = average_gradients(tower_grads)
        update_ops = tf.get_collection(tf.GraphKeys.UPDATE_OPS)
        with tf.control_dependencies(update_ops):
            apply_gradient_op = train_op.apply_gradients(grads, global_step=global_step)

        summary_op = tf.summary.merge_all()
        saver = tf.train.Saver(max_to_keep=10)
        sess = tf.Session(config=tf.ConfigProto(allow_soft_placement=True))
        writer = tf.summary.FileWriter(FLAGS.trace, graph=sess.graph, flush_secs=10)
        sess.run(tf.global_variables_initializer())
        tf.train.start_queue_runners(sess)

        for itr in range(FLAGS.num_iterations):
            _, summ = sess.run([apply_gradient_op, summary_op])
            if itr % SUMMARY_INTERVAL == 2:
                writer.add_summary(summ, itr)
            if itr % SAVE_INTERVAL == 2:
                saver.save(sess, FLAGS.trace + '/model', global_step=global_step)


if __name__ == '__main__':
    app.run()
