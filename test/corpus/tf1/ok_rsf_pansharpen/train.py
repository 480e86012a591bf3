# Idiom seen in: iWangLimin/RSF config.py
# Idiom seen in: iWangLimin/RSF module.py
# Idiom seen in: iWangLimin/RSF model.py
# Idiom seen in: iWangLimin/RSF train.py
# What it reproduces: GF-2 pan-sharpening net; conv kernels push 0.5*mean(w^2) into a custom 'weight_decay'
#   collection, Model.loss adds mean(collection)*TC.weight_dacay to the MSE, and train.py minimizes that loss (clean).
import argparse
import tensorflow as tf
from dataset import Dataset
from model import Model
from config import TrainingConfig as TC, DatasetConfig as DC


def parse_arg():
    parser = argparse.ArgumentParser(description='residual fusion training')
    parser.add_argument('-save_graph', default=False)
    parser.add_argument('-restore', default=False)
    return parser.parse_args()


def init_vars(restore, sess, saver):
    if restore:
        saver.restore(sess, tf.train.latest_checkpoint('./checkpoint/residual_fusion'))
    else:
        sess.run([tf.global_variables_initializer(), tf.local_variables_initializer()])


if __name__ == '__main__':
    args = parse_arg()
    training_set = Dataset(dir_path=DC.remote_root, mode='train')
    val_set = Dataset(dir_path=DC.remote_root, mode='val')
    model = Model()
    ms = tf.placeholder(tf.float32, [None, 64, 64, 4], name='ms')
    pan = tf.placeholder(tf.float32, [None, 256, 256, 1], name='pan')
    fusion = tf.placeholder(tf.float32, [None, 256, 256, 4], name='fusion')
    is_training = tf.placeholder(tf.bool)
    predict = model.forward(ms, pan, is_training)
    loss = model.loss(predict, fusion)
    acc, acc_update = model.acc(predict, fusion)
    step = tf.Variable(0, trainable=False)
    opt = tf.train.AdamOptimizer(learning_rate=TC.learning_rate)
    train_op = opt.minimize(loss, global_step=step)
    saver = tf.train.Saver()
    best_acc = float('inf')
    with tf.Session() as sess:
        writer = tf.summary.FileWriter('tensorboard/residual_fusion', sess.graph if args.save_graph else None)
        init_vars(args.restore, sess, saver)
        for b_ms, b_pan, b_fusion in training_set.batches(TC.batch_size):
            loss_value, step_value, _ = sess.run([loss, step, train_op],
                                                 feed_dict={ms: b_ms, pan: b_pan, fusion: b_fusion,
                                                            is_training: True})
            if step_value % TC.val_step == 0:
                for v_ms, v_pan, v_fusion in val_set.batches(TC.batch_size):
                    sess.run(acc_update, feed_dict={ms: v_ms, pan: v_pan, fusion: v_fusion,
                                                    is_training: False})
                val_acc = sess.run(acc)
                if val_acc < best_acc:
                    best_acc = val_acc
                    saver.save(sess, './checkpoint/residual_fusion', global_step=step)
