# Idiom seen in: taki0112/ResNet-Tensorflow ResNet.py (class ResNet: network, build_model, train)
# What it reproduces: a session-owning model class. build_model() builds train/test towers with the ops.py
#   wrappers, takes (loss, accuracy) from classification_loss and hands self.train_loss straight to
#   MomentumOptimizer.minimize; tf.losses.get_regularization_loss() is never called anywhere.
import tensorflow as tf

from ops import conv, resblock, batch_norm, relu, global_avg_pooling, fully_conneted, classification_loss
from utils import load_cifar10, data_augmentation, check_folder


class ResNet(object):
    def __init__(self, sess, args):
        self.model_name = 'ResNet'
        self.sess = sess
        self.train_x, self.train_y, self.test_x, self.test_y = load_cifar10()
        self.img_size, self.c_dim, self.label_dim = 32, 3, 10
        self.epoch = args.epoch
        self.batch_size = args.batch_size
        self.iteration = len(self.train_x) // self.batch_size
        self.init_lr = args.lr
        self.checkpoint_dir = check_folder(args.checkpoint_dir)

    def network(self, x, is_training=True, reuse=False):
        with tf.variable_scope('network', reuse=reuse):
            ch = 32
            x = conv(x, channels=ch, kernel=3, stride=1, scope='conv')
            for stage, n_blocks in enumerate([2, 2, 2, 2]):
                for i in range(n_blocks):
                    x = resblock(x, channels=ch * (2 ** stage), is_training=is_training,
                                 downsample=(stage > 0 and i == 0), scope='resblock%d_%d' % (stage, i))
            x = relu(batch_norm(x, is_training, scope='batch_norm'))
            x = global_avg_pooling(x)
            return fully_conneted(x, units=self.label_dim, scope='logit')

    def build_model(self):
        shape = [self.batch_size, self.img_size, self.img_size, self.c_dim]
        self.train_inputs = tf.placeholder(tf.float32, shape, name='train_inputs')
        self.train_labels = tf.placeholder(tf.float32, [self.batch_size, self.label_dim], name='train_labels')
        self.test_inputs = tf.placeholder(tf.float32, [None] + shape[1:], name='test_inputs')
        self.test_labels = tf.placeholder(tf.float32, [None, self.label_dim], name='test_labels')
        self.lr = tf.placeholder(tf.float32, name='learning_rate')

        self.train_logits = self.network(self.train_inputs)
        self.test_logits = self.network(self.test_inputs, is_training=False, reuse=True)

        self.train_loss, self.train_accuracy = classification_loss(logit=self.train_logits, label=self.train_labels)
        self.test_loss, self.test_accuracy = classification_loss(logit=self.test_logits, label=self.test_labels)

        self.optim = tf.train.MomentumOptimizer(self.lr, momentum=0.9).minimize(self.train_loss)

        self.train_summary = tf.summary.merge([tf.summary.scalar('train_loss', self.train_loss),
                                               tf.summary.scalar('train_accuracy', self.train_accuracy)])

    def train(self):
        tf.global_variables_initializer().run()
        saver = tf.train.Saver()
        lr = self.init_lr
        for epoch in range(self.epoch):
            if epoch in (int(self.epoch * 0.5), int(self.epoch * 0.75)):
                lr = lr * 0.1
            for idx in range(self.iteration):
                batch_x = self.train_x[idx * self.batch_size:(idx + 1) * self.batch_size]
                batch_x = data_augmentation(batch_x, self.img_size, 'cifar10')
                batch_y = self.train_y[idx * self.batch_size:(idx + 1) * self.batch_size]
                feed = {self.train_inputs: batch_x, self.train_labels: batch_y, self.lr: lr}
                _, loss, acc = self.sess.run([self.optim, self.train_loss, self.train_accuracy], feed_dict=feed)
            print('Epoch: [%2d] train_loss: %.6f, train_accuracy: %.2f' % (epoch, loss, acc))
            saver.save(self.sess, self.checkpoint_dir + '/ResNet.model', global_step=epoch)
