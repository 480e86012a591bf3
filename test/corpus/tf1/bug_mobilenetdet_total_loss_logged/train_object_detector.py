# Idiom seen in: Zehaos/MobileNet nets/mobilenetdet.py
# Idiom seen in: Zehaos/MobileNet train_object_detector.py
# What it reproduces: the slim net puts L2 terms in REGULARIZATION_LOSSES and the script sums them into
# total_loss, but that total is only summarized; the optimizer differentiates the bare detection loss.
import tensorflow as tf

from configs.kitti_config import config
from datasets import dataset_factory
from mobilenetdet import mobilenet

slim = tf.contrib.slim

tf.app.flags.DEFINE_string('train_dir', '/tmp/tfmodel/', 'Directory for checkpoints and event logs.')
tf.app.flags.DEFINE_string('dataset_dir', None, 'The directory where the dataset files are stored.')
tf.app.flags.DEFINE_float('weight_decay', 0.00004, 'The weight decay on the model weights.')
tf.app.flags.DEFINE_float('learning_rate', 0.01, 'Initial learning rate.')
tf.app.flags.DEFINE_float('momentum', 0.9, 'The momentum for the MomentumOptimizer.')
tf.app.flags.DEFINE_integer('batch_size', 32, 'The number of samples in each batch.')
tf.app.flags.DEFINE_integer('max_number_of_steps', None, 'The maximum number of training steps.')
FLAGS = tf.app.flags.FLAGS


def det_losses(predict, labels, box_delta_input):
    class_loss = tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits(labels=labels, logits=predict[..., :config.NUM_CLASSES]))
    bbox_loss = tf.reduce_mean(tf.square(predict[..., config.NUM_CLASSES:] - box_delta_input))
    tf.losses.add_loss(class_loss)
    tf.losses.add_loss(bbox_loss)
    return class_loss + bbox_loss


def main(_):
    with tf.Graph().as_default():
        global_step = slim.create_global_step()
        dataset = dataset_factory.get_dataset('kitti', 'train', FLAGS.dataset_dir)
        images, labels, box_delta_input = dataset.get_batch(FLAGS.batch_size)

        net, end_points = mobilenet(images, is_training=True, weight_decay=FLAGS.weight_decay)
        predict = slim.conv2d(net, config.NUM_ANCHORS * (config.NUM_CLASSES + 4), [3, 3],
                              activation_fn=None, scope='MobileNet/conv_predict')
        det_loss = det_losses(predict, labels, box_delta_input)

        total_loss = tf.add_n(tf.losses.get_losses() + tf.losses.get_regularization_losses(), name='total_loss')  # expect: WD105
        tf.summary.scalar('total_loss', total_loss)
        tf.summary.scalar('det_loss', det_loss)

        optimizer = tf.train.MomentumOptimizer(FLAGS.learning_rate, momentum=FLAGS.momentum)
        grads_and_vars = optimizer.compute_gradients(det_loss, var_list=tf.trainable_variables())
        grad_updates = optimizer.apply_gradients(grads_and_vars, global_step=global_step)
        update_ops = tf.get_collection(tf.GraphKeys.UPDATE_OPS)
        update_op = tf.group(grad_updates, *update_ops)
        train_tensor = tf.identity(total_loss, name='train_op')
        with tf.control_dependencies([update_op]):
            train_tensor = tf.identity(train_tensor)

        slim.learning.train(train_tensor, logdir=FLAGS.train_dir,
                            number_of_steps=FLAGS.max_number_of_steps,
                            summary_op=tf.summary.merge_all())


if __name__ == '__main__':
    tf.app.run()
