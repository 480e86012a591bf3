# Idiom seen in: hx173149/C3D-tensorflow train_c3d_ucf101.py
# What it reproduces: multi-GPU towers; each tower creates its decayed weights inside its own name
#   scope, tower_loss() sums tf.get_collection('losses', scope), and the averaged tower gradients
#   are applied with a MomentumOptimizer.
# label-note: clean. Decay terms are created inside the tower name scope, so the scoped
#   get_collection includes them; biases are created with wd=0.0 (no decay source).
import tensorflow as tf

import c3d_model
import input_data  # clip reader, not part of this program

flags = tf.app.flags
flags.DEFINE_float('learning_rate', 1e-3, 'Initial learning rate.')
flags.DEFINE_integer('max_steps', 20000, 'Number of steps to run trainer.')
flags.DEFINE_integer('batch_size', 10, 'Batch size per GPU.')
flags.DEFINE_integer('gpu_num', 2, 'Number of GPUs.')
FLAGS = flags.FLAGS


def average_gradients(tower_grads):
  average_grads = []
  for grad_and_vars in zip(*tower_grads):
    grads = [tf.expand_dims(g, 0) for g, _ in grad_and_vars]
    grad = tf.reduce_mean(tf.concat(axis=0, values=grads), 0)
    average_grads.append((grad, grad_and_vars[0][1]))
  return average_grads


def tower_loss(scope, logit, labels):
  xent = tf.nn.sparse_softmax_cross_entropy_with_logits(labels=labels, logits=logit)
  tf.add_to_collection('losses', tf.reduce_mean(xent, name='cross_entropy'))
  losses = tf.get_collection('losses', scope)
  return tf.add_n(losses, name='total_loss')


def build_variables():
  wd = 0.0005
  weights = {
      'wc1': c3d_model._variable_with_weight_decay('wc1', [3, 3, 3, 3, 64], 0.04, wd),
      'wc2': c3d_model._variable_with_weight_decay('wc2', [3, 3, 3, 64, 128], 0.04, wd),
      'wc3': c3d_model._variable_with_weight_decay('wc3', [3, 3, 3, 128, 256], 0.04, wd),
      'wd1': c3d_model._variable_with_weight_decay('wd1', [4 * 14 * 14 * 256, 2048], 0.04, 0.005),
      'out': c3d_model._variable_with_weight_decay('wout', [2048, c3d_model.NUM_CLASSES], 0.04,
                                                   0.005)}
  biases = {name: c3d_model._variable_with_weight_decay(name, [size], 0.04, 0.0)
            for name, size in [('bc1', 64), ('bc2', 128), ('bc3', 256), ('bd1', 2048),
                               ('out', c3d_model.NUM_CLASSES)]}
  return weights, biases


def run_training():
  with tf.Graph().as_default():
    global_step = tf.train.get_or_create_global_step()
    n = FLAGS.batch_size * FLAGS.gpu_num
    images = tf.placeholder(tf.float32, [n, c3d_model.NUM_FRAMES_PER_CLIP, c3d_model.CROP_SIZE,
                                         c3d_model.CROP_SIZE, c3d_model.CHANNELS])
    labels = tf.placeholder(tf.int64, [n])
    opt = tf.train.MomentumOptimizer(FLAGS.learning_rate, 0.9)
    tower_grads = []
    for gpu_index in range(FLAGS.gpu_num):
      with tf.device('/gpu:%d' % gpu_index):
        with tf.name_scope('c3d_%d' % gpu_index) as scope:
          with tf.variable_scope('var_name', reuse=gpu_index > 0):
            weights, biases = build_variables()
          sl = slice(gpu_index * FLAGS.batch_size, (gpu_index + 1) * FLAGS.batch_size)
          logit = c3d_model.inference_c3d(images[sl], 0.5, FLAGS.batch_size, weights, biases)
          loss = tower_loss(scope, logit, labels[sl])
          tower_grads.append(opt.compute_gradients(loss))
    grads = average_gradients(tower_grads)
    train_op = opt.apply_gradients(grads, global_step=global_step)

    sess = tf.Session(config=tf.ConfigProto(allow_soft_placement=True))
    sess.run(tf.global_variables_initializer())
    for step in range(FLAGS.max_steps):
      clips, clip_labels = input_data.read_clip_and_label('list/train.list', n, shuffle=True)
      sess.run(train_op, feed_dict={images: clips, labels: clip_labels})


def main(_):
  run_training()


if __name__ == '__main__':
  tf.app.run()
