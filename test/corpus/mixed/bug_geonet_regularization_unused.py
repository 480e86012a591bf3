# Idiom seen in: yzcjtr/GeoNet geonet_model.py; jinwooklim/My-GeoNet-TF2.0 geonet_model.py
# What it reproduces: GeoNet's build_losses: the layers carry L2 kernel regularizers, the
# regularization losses are summed with tf.add_n(tf.compat.v1.losses.get_regularization_losses()),
# but total_loss starts at 0 (`# regularization_loss` commented out), so the sum is never minimized
# (WD105, on the sum).
# label-note: the kernel_regularizer keyword is not labelled WD102: the regularization losses are
# retrieved, and following test/fixtures/python/WD105_sum_not_minimized.py the finding is the unused sum;
# nor WD104, whose terms are L2 expressions times a factor, not a collection sum.
import tensorflow as tf

from data_loader import DataLoader

flags = tf.compat.v1.app.flags
flags.DEFINE_string('dataset_dir', '', 'Dataset directory')
flags.DEFINE_float('learning_rate', 0.0002, 'Learning rate for adam')
flags.DEFINE_float('disp_smooth_weight', 0.5, 'Weight for disparity smoothness')
flags.DEFINE_integer('max_steps', 300000, 'Maximum number of training iterations')
flags.DEFINE_integer('batch_size', 4, 'Batch size')
opt = flags.FLAGS

L2_REG = tf.keras.regularizers.l2(0.0001)


def conv(x, filters, kernel_size, stride, name, activation=tf.nn.elu):
    return tf.compat.v1.layers.conv2d(x, filters, kernel_size, stride, padding='same',
                                      activation=activation, name=name,
                                      kernel_regularizer=L2_REG)


class GeoNetModel(object):
    def __init__(self, opt, tgt_image, src_image_stack):
        self.opt = opt
        self.tgt_image = tf.image.convert_image_dtype(tgt_image, tf.float32) * 2. - 1.
        self.src_image_stack = tf.image.convert_image_dtype(src_image_stack, tf.float32) * 2. - 1.
        self.build_dispnet()
        self.build_losses()

    def build_dispnet(self):
        with tf.compat.v1.variable_scope('depth_net'):
            x = tf.concat([self.tgt_image, self.src_image_stack], axis=3)
            x = conv(x, 32, 7, 2, 'cnv1')
            x = conv(x, 64, 5, 2, 'cnv2')
            x = conv(x, 128, 3, 2, 'cnv3')
            disp = conv(x, 1, 3, 1, 'disp', activation=tf.nn.sigmoid) * 10 + 0.01
        self.pred_disp = tf.compat.v1.image.resize_bilinear(disp, tf.shape(self.tgt_image)[1:3])

    def gradient_x(self, img):
        return img[:, :, :-1, :] - img[:, :, 1:, :]

    def gradient_y(self, img):
        return img[:, :-1, :, :] - img[:, 1:, :, :]

    def build_losses(self):
        disp_smooth_loss = self.opt.disp_smooth_weight * (
            tf.reduce_mean(tf.abs(self.gradient_x(self.pred_disp))) +
            tf.reduce_mean(tf.abs(self.gradient_y(self.pred_disp))))
        rigid_warp_loss = tf.reduce_mean(tf.abs(self.src_image_stack[:, :, :, :3] - self.tgt_image))

        regularization_loss = tf.add_n(tf.compat.v1.losses.get_regularization_losses())  # expect: WD105
        self.total_loss = 0  # regularization_loss
        self.total_loss += rigid_warp_loss + disp_smooth_loss


def main(_):
    tf.compat.v1.disable_eager_execution()
    loader = DataLoader(opt)
    tgt_image, src_image_stack, intrinsics = loader.load_train_batch()
    model = GeoNetModel(opt, tgt_image, src_image_stack)
    optim = tf.compat.v1.train.AdamOptimizer(opt.learning_rate, 0.9)
    train_op = optim.minimize(model.total_loss)
    with tf.compat.v1.Session() as sess:
        sess.run(tf.compat.v1.global_variables_initializer())
        for step in range(opt.max_steps):
            _, loss = sess.run([train_op, model.total_loss])
            if step % 100 == 0:
                print('step %d loss %.4f' % (step, loss))


if __name__ == '__main__':
    tf.compat.v1.app.run()
