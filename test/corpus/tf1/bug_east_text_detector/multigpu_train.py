# Idiom seen in: argman/EAST multigpu_train.py
# What it reproduces: per-GPU tower_loss that builds total_loss = model_loss + REGULARIZATION_LOSSES and returns both; here the tower gradients are taken on model_loss, so the summed decay is only printed and logged (bug: WD105 on the sum, WD102 on the regularizer).
import os
import time

import numpy as np
import tensorflow as tf

tf.app.flags.DEFINE_integer("input_size", 512, "")
tf.app.flags.DEFINE_integer("batch_size_per_gpu", 14, "")
tf.app.flags.DEFINE_float("learning_rate", 1e-4, "")
tf.app.flags.DEFINE_integer("max_steps", 100000, "")
tf.app.flags.DEFINE_float("moving_average_decay", 0.997, "")
tf.app.flags.DEFINE_string("gpu_list", "0,1", "")
tf.app.flags.DEFINE_string("checkpoint_path", "/tmp/east_resnet_v1_50_rbox/", "")

import east_model
import icdar_data

FLAGS = tf.app.flags.FLAGS
GPUS = list(range(len(FLAGS.gpu_list.split(","))))


def tower_loss(images, score_maps, geo_maps, training_masks, reuse_variables=None):
    with tf.variable_scope(tf.get_variable_scope(), reuse=reuse_variables):
        f_score, f_geometry = east_model.model(images, is_training=True)
    model_loss = east_model.loss(score_maps, f_score, geo_maps, f_geometry, training_masks)
    total_loss = tf.add_n([model_loss] + tf.get_collection(tf.GraphKeys.REGULARIZATION_LOSSES))  # expect: WD105
    if reuse_variables is None:
        tf.summary.scalar("model_loss", model_loss)
        tf.summary.scalar("total_loss", total_loss)
    return total_loss, model_loss


def average_gradients(tower_grads):
    averaged = []
    for grad_and_vars in zip(*tower_grads):
        grads = [tf.expand_dims(g, 0) for g, _ in grad_and_vars]
        grad = tf.reduce_mean(tf.concat(grads, 0), 0)
        averaged.append((grad, grad_and_vars[0][1]))
    return averaged


def main(argv=None):
    os.environ["CUDA_VISIBLE_DEVICES"] = FLAGS.gpu_list
    input_images = tf.placeholder(tf.float32, [None, None, None, 3], name="input_images")
    input_score_maps = tf.placeholder(tf.float32, [None, None, None, 1], name="input_score_maps")
    input_geo_maps = tf.placeholder(tf.float32, [None, None, None, 5], name="input_geo_maps")
    input_masks = tf.placeholder(tf.float32, [None, None, None, 1], name="input_training_masks")

    global_step = tf.get_variable("global_step", [], initializer=tf.constant_initializer(0), trainable=False)
    learning_rate = tf.train.exponential_decay(FLAGS.learning_rate, global_step, 10000, 0.94, staircase=True)
    opt = tf.train.AdamOptimizer(learning_rate)

    splits = [tf.split(t, len(GPUS)) for t in (input_images, input_score_maps, input_geo_maps, input_masks)]
    tower_grads = []
    reuse_variables = None
    for i, gpu_id in enumerate(GPUS):
        with tf.device("/gpu:%d" % gpu_id), tf.name_scope("model_%d" % gpu_id) as scope:
            total_loss, model_loss = tower_loss(splits[0][i], splits[1][i], splits[2][i], splits[3][i],
                                                reuse_variables)
            bn_updates = tf.group(*tf.get_collection(tf.GraphKeys.UPDATE_OPS, scope))
            reuse_variables = True
            grads = opt.compute_gradients(model_loss)
            tower_grads.append(grads)

    apply_op = opt.apply_gradients(average_gradients(tower_grads), global_step=global_step)
    ema = tf.train.ExponentialMovingAverage(FLAGS.moving_average_decay, global_step)
    ema_op = ema.apply(tf.trainable_variables())
    with tf.control_dependencies([ema_op, apply_op, bn_updates]):
        train_op = tf.no_op(name="train_op")

    saver = tf.train.Saver(tf.global_variables())
    with tf.Session(config=tf.ConfigProto(allow_soft_placement=True)) as sess:
        sess.run(tf.global_variables_initializer())
        batches = icdar_data.get_batch(input_size=FLAGS.input_size,
                                       batch_size=FLAGS.batch_size_per_gpu * len(GPUS))
        start = time.time()
        for step in range(FLAGS.max_steps):
            data = next(batches)
            ml, tl, _ = sess.run([model_loss, total_loss, train_op],
                                 feed_dict={input_images: data[0], input_score_maps: data[2],
                                            input_geo_maps: data[3], input_masks: data[4]})
            if np.isnan(tl):
                print("Loss diverged, stop training")
                break
            if step % 10 == 0:
                print("Step {:06d}, model loss {:.4f}, total loss {:.4f}, {:.2f}s".format(
                    step, ml, tl, time.time() - start))
                start = time.time()
            if step % 1000 == 0:
                saver.save(sess, FLAGS.checkpoint_path + "model.ckpt", global_step=global_step)


if __name__ == "__main__":
    tf.app.run()
