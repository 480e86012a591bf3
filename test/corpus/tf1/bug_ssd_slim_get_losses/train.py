# Idiom seen in: dsl2009/tf-dsl-obj-detect train.py
# Idiom seen in: dsl2009/tf-dsl-obj-detect model.py
# What it reproduces: the training script of the SSD program: it minimizes get_loss()'s total, built from
#   tf.losses.get_losses() only, so the arg_scope regularizers in ssd_model.py are dead (see that file).
import tensorflow as tf
from tensorflow.contrib import slim

import config
import data_gen
import np_utils
from ssd_model import model, get_loss


def train(cfg):
    img = tf.placeholder(shape=[cfg.batch_size, 300, 300, 3], dtype=tf.float32)
    loc = tf.placeholder(shape=[cfg.batch_size, 7512, 4], dtype=tf.float32)
    conf = tf.placeholder(shape=[cfg.batch_size, 7512], dtype=tf.float32)

    pred_loc, pred_confs, vbs = model(img, cfg)
    train_tensors, sum_op = get_loss(conf, loc, pred_loc, pred_confs, cfg)

    gen = data_gen.get_batch(batch_size=cfg.batch_size)
    optimizer = tf.train.MomentumOptimizer(learning_rate=0.001, momentum=0.9)
    train_op = slim.learning.create_train_op(train_tensors, optimizer)

    saver = tf.train.Saver(vbs)

    def restore(sess):
        saver.restore(sess, '/data/checkpoints/vgg_16.ckpt')

    sv = tf.train.Supervisor(logdir='/data/logs/face_detect', summary_op=None, init_fn=restore)
    with sv.managed_session() as sess:
        for step in range(1000000):
            images, true_box, true_label = next(gen)
            loct, conft = np_utils.get_loc_conf(true_box, true_label, batch_size=cfg.batch_size)
            ls = sess.run(train_op, feed_dict={img: images, loc: loct, conf: conft})
            if step % 10 == 0:
                sv.summary_computed(sess, sess.run(sum_op, feed_dict={img: images, loc: loct, conf: conft}))
                print(ls)


if __name__ == '__main__':
    train(config)
