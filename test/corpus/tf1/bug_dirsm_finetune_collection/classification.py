# Idiom seen in: JenifferWuUCLA/pulmonary-nodules-MaskRCNN Github-Codes/TensorFlow-CNN-Dataset/DIRSM/classification.py
# What it reproduces: disaster-image (flood) AlexNet fine-tuning: _variable_with_weight_decay adds wd*l2_loss(w) to the
#   'losses' collection and tf.gradients feeds two MomentumOptimizers; a user makes loss_def return the plain cross
#   entropy, so the collection is never summed (user mistake; the repo returned tf.add_n(tf.get_collection('losses'))).
import sys

import numpy as np
import tensorflow as tf

from nets import alex_net
from dirsm_data import load_fold, load_npy


def loss_def(logits, labels):
    labels = tf.cast(labels, tf.int64)
    cross_entropy = tf.nn.sparse_softmax_cross_entropy_with_logits(logits=logits, labels=labels,
                                                                   name='cross_entropy_per_example')
    cross_entropy_mean = tf.reduce_mean(cross_entropy, name='cross_entropy')
    return cross_entropy_mean


def main():
    list_params = ['dataset_path', 'folds_path', 'models_path', 'output_path', 'learningRate', 'weight_decay',
                   'batch_size', 'niter']
    if len(sys.argv) < len(list_params) + 1:
        sys.exit('Usage: ' + sys.argv[0] + ' ' + ' '.join(list_params))
    dataset_path, folds_path, models_path, output_path = sys.argv[1:5]
    lr_initial = float(sys.argv[5])
    weight_decay = float(sys.argv[6])
    batch_size = int(sys.argv[7])
    niter = int(sys.argv[8])
    input_image_size = 227

    data_train, class_train = load_fold(dataset_path, folds_path, 'train')
    x = tf.placeholder(tf.float32, [None, input_image_size * input_image_size * 3], name='data_input_data')
    y = tf.placeholder(tf.int32, [None], name='class_input_data')
    keep_prob = tf.placeholder(tf.float32)
    global_step = tf.Variable(0, name='init_global_step', trainable=False)

    features, logits = alex_net(x, keep_prob, input_image_size, weight_decay)
    loss = loss_def(logits, y)

    lr = tf.train.exponential_decay(lr_initial, global_step, 20000, 0.1, staircase=True)
    var_list1 = [k for k in tf.trainable_variables() if k.name.startswith('conv') or k.name.startswith('fc')]
    var_list2 = [k for k in tf.trainable_variables() if k.name.startswith('init_')]
    opt1 = tf.train.MomentumOptimizer(learning_rate=lr, momentum=0.9)
    opt2 = tf.train.MomentumOptimizer(learning_rate=lr * 10, momentum=0.9)
    grads = tf.gradients(loss, var_list1 + var_list2)
    train_op1 = opt1.apply_gradients(zip(grads[:len(var_list1)], var_list1), global_step=global_step)
    train_op2 = opt2.apply_gradients(zip(grads[len(var_list1):], var_list2))
    optimizer = tf.group(train_op1, train_op2)
    acc_mean = tf.reduce_sum(tf.cast(tf.nn.in_top_k(logits, y, 1), tf.int32))

    saver = tf.train.Saver()
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        load_npy(sess, models_path + 'bvlc_alexnet.npy', ignore_params=['init_softmax'])
        for step in range(1, niter + 1):
            idx = np.random.choice(len(class_train), batch_size, replace=False)
            _, batch_loss, batch_correct = sess.run([optimizer, loss, acc_mean],
                                                    feed_dict={x: data_train[idx], y: class_train[idx],
                                                               keep_prob: 0.5})
            if step % 50 == 0:
                print('Iter %d -- loss %.4f acc %.4f' % (step, batch_loss, batch_correct / float(batch_size)))
        saver.save(sess, output_path + 'model_finetuning')


if __name__ == '__main__':
    main()
