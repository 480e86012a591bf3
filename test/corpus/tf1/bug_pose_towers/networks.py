# Idiom seen in: ildoonet/tf-pose-estimation tf_pose/network_mobilenet_thin.py, tf_pose/networks.py (get_network(type, placeholder))
# What it reproduces: a thin two-branch (PAF / heatmap) stage network built on BaseNetwork layers, returned by a
#   get_network factory to the multi-GPU trainer. The decay sources live in network_base.py; see train.py.
import tensorflow as tf

from network_base import BaseNetwork


class MobilenetThinPose(BaseNetwork):
    def __init__(self, inputs, trainable=True, stage_num=3):
        self.stage_num = stage_num
        BaseNetwork.__init__(self, inputs, trainable)

    def setup(self):
        (self.feed('image')
             .convb(3, 3, 32, 2, name='Conv2d_0')
             .separable_conv(3, 3, 64, 1, name='Conv2d_1')
             .separable_conv(3, 3, 128, 2, name='Conv2d_2')
             .separable_conv(3, 3, 256, 2, name='Conv2d_3')
             .separable_conv(3, 3, 256, 1, name='feat_concat'))

        feature_lv = 'feat_concat'
        for stage_id in range(self.stage_num):
            prefix_prev = 'MConv_Stage%d' % stage_id
            prefix = 'MConv_Stage%d' % (stage_id + 1)
            (self.feed(prefix_prev + '_concat' if stage_id > 0 else feature_lv)
                 .separable_conv(3, 3, 128, 1, name=prefix + '_L1_1')
                 .separable_conv(1, 1, 38, 1, relu=False, name=prefix + '_L1_5'))
            (self.feed(prefix_prev + '_concat' if stage_id > 0 else feature_lv)
                 .separable_conv(3, 3, 128, 1, name=prefix + '_L2_1')
                 .separable_conv(1, 1, 19, 1, relu=False, name=prefix + '_L2_5'))
            (self.feed(prefix + '_L2_5', prefix + '_L1_5', feature_lv)
                 .concat(3, name=prefix + '_concat'))

    def loss_l1_l2(self):
        l1s = [self.layers[k] for k in sorted(self.layers) if k.startswith('MConv_Stage') and k.endswith('_L1_5')]
        l2s = [self.layers[k] for k in sorted(self.layers) if k.startswith('MConv_Stage') and k.endswith('_L2_5')]
        return l1s, l2s

    def loss_last(self):
        return self.get_output('MConv_Stage%d_L1_5' % self.stage_num), \
            self.get_output('MConv_Stage%d_L2_5' % self.stage_num)


def get_network(model_name, placeholder_input, trainable=True):
    if model_name != 'mobilenet_thin':
        raise Exception('Invalid Model Name.')
    net = MobilenetThinPose({'image': placeholder_input}, trainable=trainable)
    pretrain_path = 'pretrained/mobilenet_v1_0.75_224_2017_06_14/mobilenet_v1_0.75_224.ckpt'
    return net, pretrain_path, 'MConv_Stage%d_L{aux}_5' % net.stage_num
