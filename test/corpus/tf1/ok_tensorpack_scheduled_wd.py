# Idiom seen in: tensorpack/tensorpack examples/ResNet/cifar10-resnet.py
# What it reproduces: a tensorpack ModelDesc (pre-activation CIFAR ResNet with argscope) whose weight decay
#   is regularize_cost('.*/W', tf.nn.l2_loss) scaled by a tf.train.exponential_decay schedule; build_graph
#   returns tf.add_n([cost, wd_cost]), the value tensorpack's trainer minimizes with momentum SGD.
# label-note: clean. The decay is in the returned cost; the regex '.*/W' selects conv/fc kernels only
#   (tensorpack names biases 'b' and BatchNorm parameters 'gamma'/'beta'); the decay factor is a tensor
#   starting at 2e-4 with lr 0.1, far from lr*wd >= 1.
import tensorflow as tf
from tensorpack import *
from tensorpack.dataflow import dataset, imgaug
from tensorpack.tfutils.summary import add_moving_summary
from tensorpack.tfutils.symbolic_functions import prediction_incorrect
from tensorpack.utils.gpu import get_num_gpu

NUM_UNITS = 5


class Model(ModelDesc):
    def inputs(self):
        return [tf.TensorSpec([None, 32, 32, 3], tf.float32, 'input'),
                tf.TensorSpec([None], tf.int32, 'label')]

    def build_graph(self, image, label):
        image = image / 128.0
        def residual(name, l, increase_dim=False):
            out_channel = l.get_shape().as_list()[-1] * (2 if increase_dim else 1)
            stride = 2 if increase_dim else 1
            with tf.variable_scope(name):
                b1 = BNReLU(l)
                c1 = Conv2D('conv1', b1, out_channel, strides=stride, activation=BNReLU)
                c2 = Conv2D('conv2', c1, out_channel)
                if increase_dim:
                    l = AvgPooling('pool', l, 2)
                    l = tf.pad(l, [[0, 0], [0, 0], [0, 0], [out_channel // 4, out_channel // 4]])
                return c2 + l

        with argscope(Conv2D, use_bias=False, kernel_size=3,
                      kernel_initializer=tf.variance_scaling_initializer(scale=2.0, mode='fan_out')):
            l = Conv2D('conv0', image, 16, activation=BNReLU)
            for stage, increase in [('res1', False), ('res2', True), ('res3', True)]:
                l = residual(stage + '.0', l, increase_dim=increase)
                for k in range(1, NUM_UNITS):
                    l = residual('{}.{}'.format(stage, k), l)
            l = BNReLU('bnlast', l)
            l = GlobalAvgPooling('gap', l)
        logits = FullyConnected('linear', l, 10)

        cost = tf.nn.sparse_softmax_cross_entropy_with_logits(logits=logits, labels=label)
        cost = tf.reduce_mean(cost, name='cross_entropy_loss')
        add_moving_summary(tf.reduce_mean(prediction_incorrect(logits, label), name='train_error'))

        # weight decay on all W of conv and fc layers
        wd_w = tf.train.exponential_decay(0.0002, get_global_step_var(), 480000, 0.2, True)
        wd_cost = tf.multiply(wd_w, regularize_cost('.*/W', tf.nn.l2_loss), name='wd_cost')
        add_moving_summary(cost, wd_cost)
        return tf.add_n([cost, wd_cost], name='cost')

    def optimizer(self):
        lr = tf.get_variable('learning_rate', initializer=0.01, trainable=False)
        return tf.train.MomentumOptimizer(lr, 0.9)


def get_data(train_or_test):
    is_train = train_or_test == 'train'
    ds = dataset.Cifar10(train_or_test)
    augs = [imgaug.CenterPaste((40, 40)), imgaug.RandomCrop((32, 32)), imgaug.Flip(horiz=True)] if is_train else []
    ds = AugmentImageComponent(ds, augs)
    return BatchData(ds, 128, remainder=not is_train)


if __name__ == '__main__':
    logger.set_logger_dir('train_log/cifar10-resnet')
    config = TrainConfig(
        model=Model(), dataflow=get_data('train'),
        callbacks=[ModelSaver(), InferenceRunner(get_data('test'), [ScalarStats('cost'), ClassificationError('incorrect_vector')]),
                   ScheduledHyperParamSetter('learning_rate', [(1, 0.1), (82, 0.01), (123, 0.001), (300, 0.0002)])],
        max_epoch=400,
    )
    launch_train_with_config(config, SyncMultiGPUTrainerParameterServer(max(get_num_gpu(), 1)))
