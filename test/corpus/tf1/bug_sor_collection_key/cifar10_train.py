# Idiom seen in: XMUMATH/SOR cifar10_train.py
# What it reproduces: the Train class of resnet-in-tensorflow: full_loss = add_n([xent] + the
#   REGULARIZATION_LOSSES collection), minimized with momentum SGD. The model module writes its decay
#   terms to 'losses' instead, so the regularization list is empty (finding reported in resnet_my.py).
import tensorflow as tf

from hyper_parameters import FLAGS
from resnet_my import inference
from cifar10_input import prepare_train_data, IMG_HEIGHT, IMG_WIDTH, IMG_DEPTH


class Train(object):
    def __init__(self):
        self.image_placeholder = tf.placeholder(tf.float32, [FLAGS.train_batch_size, IMG_HEIGHT, IMG_WIDTH, IMG_DEPTH])
        self.label_placeholder = tf.placeholder(tf.int32, [FLAGS.train_batch_size])
        self.lr_placeholder = tf.placeholder(tf.float32, [])

    def loss(self, logits, labels):
        labels = tf.cast(labels, tf.int64)
        xent = tf.nn.sparse_softmax_cross_entropy_with_logits(logits=logits, labels=labels)
        return tf.reduce_mean(xent, name='cross_entropy')

    def build_train_graph(self):
        global_step = tf.Variable(0, trainable=False)
        logits = inference(self.image_placeholder, FLAGS.num_residual_blocks, reuse=False)
        regu_losses = tf.get_collection(tf.GraphKeys.REGULARIZATION_LOSSES)
        loss = self.loss(logits, self.label_placeholder)
        self.full_loss = tf.add_n([loss] + regu_losses)
        opt = tf.train.MomentumOptimizer(learning_rate=self.lr_placeholder, momentum=0.9)
        self.train_op = opt.minimize(self.full_loss, global_step=global_step)

    def train(self):
        all_data, all_labels = prepare_train_data(padding_size=2)
        self.build_train_graph()
        sess = tf.Session()
        sess.run(tf.global_variables_initializer())
        for step in range(FLAGS.train_steps):
            offset = (step * FLAGS.train_batch_size) % (len(all_data) - FLAGS.train_batch_size)
            batch = all_data[offset:offset + FLAGS.train_batch_size]
            labels = all_labels[offset:offset + FLAGS.train_batch_size]
            _, value = sess.run([self.train_op, self.full_loss],
                                {self.image_placeholder: batch, self.label_placeholder: labels,
                                 self.lr_placeholder: FLAGS.init_lr})
            if step % 100 == 0:
                print('step %d, loss = %.4f' % (step, value))


if __name__ == '__main__':
    Train().train()
