# Idiom seen in: baumgach/acdc_segmenter tfwrapper/layers.py
# Idiom seen in: baumgach/acdc_segmenter model.py
# Idiom seen in: baumgach/acdc_segmenter train.py
# What it reproduces: cardiac MRI U-Net; get_weight_variable puts kernels in a custom 'weight_variables' collection,
#   model.loss builds weight_decay * sum(l2_loss) from it, returns (total, xent, norm) and train.py minimizes the total (clean).
import logging
import os.path
import tensorflow as tf
import numpy as np

import model
import acdc_data
import config.system as sys_config
from experiments import unet2D_bn_wxent as exp_config

logging.basicConfig(level=logging.INFO, format='%(asctime)s %(message)s')
log_dir = os.path.join(sys_config.log_root, exp_config.experiment_name)


def run_training():
    data = acdc_data.load_and_maybe_process_data(input_folder=sys_config.data_root,
                                                 preprocessing_folder=sys_config.preproc_folder,
                                                 mode=exp_config.data_mode,
                                                 size=exp_config.image_size)
    images_train, labels_train = data['images_train'], data['masks_train']

    with tf.Graph().as_default():
        images_pl = tf.placeholder(tf.float32, shape=[exp_config.batch_size] + list(exp_config.image_size) + [1])
        labels_pl = tf.placeholder(tf.uint8, shape=[exp_config.batch_size] + list(exp_config.image_size))
        learning_rate_pl = tf.placeholder(tf.float32, shape=[])
        training_pl = tf.placeholder(tf.bool, shape=[])

        logits = model.inference(images_pl, exp_config, training=training_pl)
        [loss, _, weights_norm] = model.loss(logits, labels_pl,
                                             nlabels=exp_config.nlabels,
                                             weight_decay=exp_config.weight_decay)  # second output is unregularised loss
        tf.summary.scalar('loss', loss)
        tf.summary.scalar('weights_norm_term', weights_norm)

        if exp_config.momentum is not None:
            train_op = model.training_step(loss, exp_config.optimizer_handle, learning_rate_pl,
                                           momentum=exp_config.momentum)
        else:
            train_op = model.training_step(loss, exp_config.optimizer_handle, learning_rate_pl)

        summary = tf.summary.merge_all()
        saver = tf.train.Saver(max_to_keep=5)
        with tf.Session() as sess:
            writer = tf.summary.FileWriter(log_dir, sess.graph)
            sess.run(tf.global_variables_initializer())
            step = 0
            for epoch in range(exp_config.max_epochs):
                for x, y in acdc_data.iterate_minibatches(images_train, labels_train, exp_config.batch_size):
                    feed = {images_pl: x, labels_pl: y, learning_rate_pl: exp_config.learning_rate,
                            training_pl: True}
                    _, loss_value = sess.run([train_op, loss], feed_dict=feed)
                    if step % 10 == 0:
                        logging.info('Step %d: loss = %.2f' % (step, loss_value))
                        writer.add_summary(sess.run(summary, feed_dict=feed), step)
                    step += 1
                saver.save(sess, os.path.join(log_dir, 'model.ckpt'), global_step=step)
    data.close()


if __name__ == '__main__':
    run_training()
