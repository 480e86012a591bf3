# Idiom seen in: sp-ananth/struct_seg_thoracic_OAR code/train.py
# What it reproduces: TF flags, a CSV-driven data loader the workspace does not hold, a train U-Net and a reused
# val U-Net, train_utils.get_total_loss (dice + aux + regularization) minimized by Adam/Momentum under UPDATE_OPS.
# Clean: the minimized total includes the regularization losses.
import json

import pandas as pd
import tensorflow as tf

from data_loader import SegDataLoader
from unet import UNet
import train_utils

flags = tf.app.flags
flags.DEFINE_string('train_config', None, 'Path to train config file')
flags.DEFINE_string('train_data_paths', None, 'CSV with train images and labels')
flags.DEFINE_integer('n_class', 7, 'number of classes')
flags.DEFINE_string('log_save_dir', '/tmp/unet', 'checkpoint dir')
flags.DEFINE_integer('batch_size', 8, 'batch size')
flags.DEFINE_integer('image_size', 256, 'input size')
flags.DEFINE_string('optimizer', 'adam', 'adam or momentum')
flags.DEFINE_float('learning_rate_base', 1e-3, 'initial learning rate')
flags.DEFINE_integer('warmup_steps', 500, 'warm-up steps')
flags.DEFINE_float('decay_rate', 0.9, 'decay factor')
flags.DEFINE_integer('decay_steps', 5000, 'decay steps')
flags.DEFINE_bool('deep_supervision', True, 'use auxiliary outputs')
FLAGS = flags.FLAGS


def train():
    with tf.Graph().as_default():
        csv = pd.read_csv(FLAGS.train_data_paths)
        loader = SegDataLoader(image_list=csv['data_list'], mask_list=csv['label_list'],
                               n_class=FLAGS.n_class, batch_size=FLAGS.batch_size,
                               image_size=FLAGS.image_size)
        images, labels = loader.get_train_batch()

        net = UNet(n_classes=FLAGS.n_class, is_training=True, config_supervision=FLAGS.deep_supervision)
        logits, aux_ops = net.get_prediction(images)
        total_loss, loss_summaries = train_utils.get_total_loss(
            target=labels, output=logits, deep_supervision=FLAGS.deep_supervision,
            aux_ops=aux_ops, scope='train_loss')

        global_step = tf.Variable(0, name='global_step', trainable=False)
        lr = train_utils.exponential_decay_with_warmup(global_step, FLAGS.learning_rate_base,
                                                       FLAGS.decay_steps, FLAGS.decay_rate,
                                                       warmup_steps=FLAGS.warmup_steps)
        if FLAGS.optimizer == 'adam':
            optimizer = tf.train.AdamOptimizer(lr)
        else:
            optimizer = tf.train.MomentumOptimizer(lr, momentum=0.9)
        with tf.control_dependencies(tf.get_collection(tf.GraphKeys.UPDATE_OPS)):
            train_op = optimizer.minimize(total_loss, global_step=global_step)

        summary_op = tf.summary.merge(loss_summaries)
        saver = tf.train.Saver(keep_checkpoint_every_n_hours=4)
        with tf.Session() as sess:
            writer = tf.summary.FileWriter(FLAGS.log_save_dir, graph=sess.graph)
            sess.run([tf.global_variables_initializer(), tf.local_variables_initializer()])
            while True:
                _, loss_value, summ, step = sess.run([train_op, total_loss, summary_op, global_step])
                writer.add_summary(summ, global_step=step)
                if step % 1000 == 0:
                    print('step %d loss %.4f' % (step, loss_value))
                    saver.save(sess, FLAGS.log_save_dir, global_step=step)


if __name__ == '__main__':
    if FLAGS.train_config:
        with open(FLAGS.train_config) as f:
            for name, value in json.load(f).items():
                FLAGS.__flags[name].value = value
    train()
