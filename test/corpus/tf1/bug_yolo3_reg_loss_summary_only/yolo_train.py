# Idiom seen in: aloyschen/tensorflow-yolo3 yolo_train.py
# What it reproduces: the repo sums tf.losses.get_regularization_loss() into the loss it minimizes.
#   Realistic mistake in that idiom: the sum goes into `total_loss` for TensorBoard while minimize()
#   is still given the bare yolo loss, so the conv kernels' l2_regularizer terms never get a gradient.
import os
import time

import tensorflow as tf

import config
from dataReader import Reader
from yolo3_model import yolo


def train():
    os.environ["CUDA_VISIBLE_DEVICES"] = config.gpu_index
    train_reader = Reader('train', config.data_dir, config.anchors_path, config.num_classes,
                          input_shape=config.input_shape, max_boxes=config.max_boxes)
    train_data = train_reader.build_dataset(config.train_batch_size)
    is_training = tf.placeholder(tf.bool, shape=[])
    iterator = train_data.make_one_shot_iterator()
    images, bbox, bbox_true_13, bbox_true_26, bbox_true_52 = iterator.get_next()
    images.set_shape([None, config.input_shape, config.input_shape, 3])

    model = yolo(config.norm_epsilon, config.norm_decay, config.anchors_path, config.classes_path, config.pre_train)
    bbox_true = [bbox_true_13, bbox_true_26, bbox_true_52]
    output = model.yolo_inference(images, config.num_anchors / 3, config.num_classes, is_training)
    loss = model.yolo_loss(output, bbox_true, model.anchors, config.num_classes, config.ignore_thresh)
    l2_loss = tf.losses.get_regularization_loss()  # expect: WD105
    total_loss = loss + l2_loss
    tf.summary.scalar('loss', loss)
    tf.summary.scalar('total_loss', total_loss)
    merged_summary = tf.summary.merge_all()

    global_step = tf.Variable(0, trainable=False)
    lr = tf.train.exponential_decay(config.learning_rate, global_step, decay_steps=2000, decay_rate=0.8)
    optimizer = tf.train.AdamOptimizer(learning_rate=lr)
    update_ops = tf.get_collection(tf.GraphKeys.UPDATE_OPS)
    with tf.control_dependencies(update_ops):
        if config.pre_train:
            train_var = tf.get_collection(tf.GraphKeys.TRAINABLE_VARIABLES, scope='yolo')
            train_op = optimizer.minimize(loss=loss, global_step=global_step, var_list=train_var)
        else:
            train_op = optimizer.minimize(loss=loss, global_step=global_step)

    saver = tf.train.Saver()
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        summary_writer = tf.summary.FileWriter(config.log_dir, sess.graph)
        for epoch in range(config.Epoch):
            for step in range(int(config.train_num / config.train_batch_size)):
                start_time = time.time()
                train_loss, summary, global_step_value, _ = sess.run(
                    [total_loss, merged_summary, global_step, train_op], {is_training: True})
                print('Epoch {} step {}, train loss = {} ({:.3f} sec/batch)'.format(
                    epoch, step, train_loss, time.time() - start_time))
                summary_writer.add_summary(summary, global_step_value)
            if epoch % 3 == 0:
                saver.save(sess, os.path.join(config.model_dir, 'model.ckpt'), global_step=global_step)


if __name__ == "__main__":
    train()
