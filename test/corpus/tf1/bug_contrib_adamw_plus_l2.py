# Idiom seen in: tensorflow/tensorflow tensorflow/contrib/opt/python/training/weight_decay_optimizers.py
#   (AdamWOptimizer, added by PR #17438); Yagami123/Caffe-AdamW-AdamWR issue #1 ("when using AdamW do we
#   still need to add regularization?" - "Of course we need")
# What it reproduces: a TF1 segmentation script switched from tf.train.AdamOptimizer to
#   tf.contrib.opt.AdamWOptimizer(weight_decay=FLAGS.weight_decay, ...) while its conv helper keeps
#   kernel_regularizer=l2_regularizer(FLAGS.weight_decay) and the loss still adds
#   tf.losses.get_regularization_loss(): the conv kernels are decayed twice.
# label-note: WD201 on the kernel_regularizer= line (the explicit L2, placed as for Keras regularizers).
#   WD203 on the optimizer's weight_decay= line: minimize() gets no decay_var_list, so AdamW also decays
#   every bias and the batch-norm gamma/beta. AdamW's decay is decoupled, so no WD202.
import tensorflow as tf

import input_pipeline  # tf.data reader for the image/mask records, not part of this file

flags = tf.app.flags
flags.DEFINE_string('train_records', 'data/train-*.tfrecord', 'training TFRecords')
flags.DEFINE_string('model_dir', 'runs/unet_adamw', 'checkpoints and summaries')
flags.DEFINE_float('learning_rate', 1e-3, 'initial learning rate')
flags.DEFINE_float('weight_decay', 1e-4, 'weight decay')
flags.DEFINE_integer('batch_size', 8, 'batch size')
flags.DEFINE_integer('num_steps', 60000, 'training steps')
FLAGS = flags.FLAGS


def conv_bn_relu(x, filters, training, name, regularizer):
    with tf.variable_scope(name):
        x = tf.layers.conv2d(x, filters, 3, padding='same', use_bias=False,
                             kernel_regularizer=regularizer,  # expect: WD201
                             name='conv')
        x = tf.layers.batch_normalization(x, training=training, name='bn')
        return tf.nn.relu(x)


def small_unet(images, training, weight_decay):
    regularizer = tf.contrib.layers.l2_regularizer(weight_decay)
    skips, x = [], images
    for i, f in enumerate([32, 64, 128]):
        x = conv_bn_relu(x, f, training, 'down%d_a' % i, regularizer)
        x = conv_bn_relu(x, f, training, 'down%d_b' % i, regularizer)
        skips.append(x)
        x = tf.layers.max_pooling2d(x, 2, 2)
    x = conv_bn_relu(x, 256, training, 'bottleneck', regularizer)
    for i, f in reversed(list(enumerate([32, 64, 128]))):
        x = tf.layers.conv2d_transpose(x, f, 2, strides=2, name='up%d' % i)
        x = tf.concat([x, skips[i]], axis=-1)
        x = conv_bn_relu(x, f, training, 'up%d_conv' % i, regularizer)
    return tf.layers.conv2d(x, 1, 1, name='logits')


def main(_):
    images, masks = input_pipeline.make_dataset(FLAGS.train_records, FLAGS.batch_size).make_one_shot_iterator().get_next()
    logits = small_unet(images, training=True, weight_decay=FLAGS.weight_decay)

    xent = tf.losses.sigmoid_cross_entropy(multi_class_labels=masks, logits=logits)
    loss = xent + tf.losses.get_regularization_loss()
    tf.summary.scalar('xent', xent)
    tf.summary.scalar('loss', loss)

    global_step = tf.train.get_or_create_global_step()
    lr = tf.train.cosine_decay(FLAGS.learning_rate, global_step, FLAGS.num_steps)
    optimizer = tf.contrib.opt.AdamWOptimizer(weight_decay=FLAGS.weight_decay,  # expect: WD203
                                              learning_rate=lr)
    with tf.control_dependencies(tf.get_collection(tf.GraphKeys.UPDATE_OPS)):
        train_op = optimizer.minimize(loss, global_step=global_step)

    with tf.train.MonitoredTrainingSession(checkpoint_dir=FLAGS.model_dir,
                                           hooks=[tf.train.StopAtStepHook(last_step=FLAGS.num_steps)]) as sess:
        while not sess.should_stop():
            sess.run(train_op)


if __name__ == '__main__':
    tf.app.run()
