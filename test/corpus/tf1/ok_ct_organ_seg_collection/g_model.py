# Idiom seen in: rogertrullo/tensorflow_medical_images_segmentation g_model.py
# Idiom seen in: rogertrullo/tensorflow_medical_images_segmentation utils.py
# What it reproduces: the segmentation model class: combined_loss_G puts lam_dice*dice + lam_fcn*fcn
# into 'losses' and returns tf.add_n(tf.get_collection('losses')), which MomentumOptimizer minimizes.
# Clean: every kernel's wd term reaches the trained loss (lr 2e-8 * wd 5e-4 is tiny).
import tensorflow as tf

from utils import conv_op, deconv_op, mpool_op, concatenate_op
from loss_functions import loss_dice, lossfcn


class seg_GAN(object):
    def __init__(self, sess, batch_size=10, height=512, width=512, wd=0.0005, checkpoint_dir=None,
                 learning_rate=2e-8, lr_step=30000, lam_dice=1, lam_fcn=1):
        self.sess = sess
        self.lam_dice, self.lam_fcn = lam_dice, lam_fcn
        self.lr_step = lr_step
        self.wd = wd
        self.learning_rate = learning_rate
        self.batch_size, self.height, self.width = batch_size, height, width
        self.checkpoint_dir = checkpoint_dir
        self.build_model()

    def build_model(self):
        self.classweights = tf.transpose(tf.constant([[1.0, 1.0, 1.0, 1.0, 1.0]], dtype=tf.float32))
        self.num_classes = 5
        self.inputCT = tf.placeholder(tf.float32, shape=[None, self.height, self.width, 1])
        self.CT_GT = tf.placeholder(tf.int32, shape=[None, self.height, self.width])
        batch_size_tf = tf.shape(self.inputCT)[0]
        self.G = self.generator(self.inputCT, batch_size_tf)
        self.prediction = tf.argmax(self.G, 3)
        self.g_loss, self.diceterm, self.fcnterm = self.combined_loss_G(batch_size_tf)

        self.global_step = tf.Variable(0, name='global_step', trainable=False)
        self.learning_rate_tensor = tf.train.exponential_decay(self.learning_rate, self.global_step,
                                                               self.lr_step, 0.1, staircase=True)
        self.g_optim = tf.train.MomentumOptimizer(self.learning_rate_tensor, 0.9).minimize(
            self.g_loss, global_step=self.global_step)
        self.saver = tf.train.Saver(max_to_keep=50)

    def generator(self, input_op, batch_size_tf):
        conv1_1 = conv_op(input_op, name="g_conv1_1", kh=7, kw=7, n_out=32, dh=1, dw=1, wd=self.wd)
        conv1_2 = conv_op(conv1_1, name="g_conv1_2", kh=7, kw=7, n_out=32, dh=1, dw=1, wd=self.wd)
        pool1 = mpool_op(conv1_2, name="g_pool1", kh=2, kw=2, dw=2, dh=2)
        conv2_1 = conv_op(pool1, name="g_conv2_1", kh=7, kw=7, n_out=64, dh=1, dw=1, wd=self.wd)
        conv2_2 = conv_op(conv2_1, name="g_conv2_2", kh=7, kw=7, n_out=64, dh=1, dw=1, wd=self.wd)
        pool2 = mpool_op(conv2_2, name="g_pool2", kh=2, kw=2, dw=2, dh=2)
        conv3_1 = conv_op(pool2, name="g_conv3_1", kh=7, kw=7, n_out=96, dh=1, dw=1, wd=self.wd)
        deconv1 = deconv_op(conv3_1, name="g_deconv1", kh=4, kw=4, n_out=64, wd=self.wd,
                            batchsize=batch_size_tf)
        concat1 = concatenate_op(deconv1, conv2_2, name="g_concat1")
        deconv2 = deconv_op(concat1, name="g_deconv2", kh=4, kw=4, n_out=32, wd=self.wd,
                            batchsize=batch_size_tf)
        concat2 = concatenate_op(deconv2, conv1_2, name="g_concat2")
        return conv_op(concat2, name="g_upscore", kh=7, kw=7, n_out=self.num_classes, dh=1, dw=1,
                       wd=self.wd, activation=False)

    def combined_loss_G(self, batch_size_tf):
        diceterm = loss_dice(self.G, self.CT_GT, self.num_classes, batch_size_tf)
        fcnterm = lossfcn(self.G, self.CT_GT, self.num_classes, batch_size_tf, self.classweights)
        loss_ = self.lam_dice * diceterm + self.lam_fcn * fcnterm
        tf.add_to_collection('losses', loss_)
        loss = tf.add_n(tf.get_collection('losses'), name='total_loss')
        return loss, self.lam_dice * diceterm, self.lam_fcn * fcnterm

    def train(self, config, data_queue):
        self.sess.run(tf.global_variables_initializer())
        for it in range(self.global_step.eval(session=self.sess), config.iterations):
            X, y = data_queue.get(True)
            _, loss_eval_G, dice_eval, fcn_eval = self.sess.run(
                [self.g_optim, self.g_loss, self.diceterm, self.fcnterm],
                feed_dict={self.inputCT: X, self.CT_GT: y})
            if it % config.show_every == 0:
                print('it', it, 'loss total G', loss_eval_G, 'dice', dice_eval, 'fcn', fcn_eval)
