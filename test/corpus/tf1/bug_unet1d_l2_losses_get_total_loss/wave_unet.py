# Idiom seen in: repository not resolved by the code index (index file id 46774340477: networks derive from the
#   Inference base class and pass wd per layer)
# What it reproduces: a 1-D U-Net speech enhancer built from the base class: strided down_convs, up_convs that
#   reuse the recorded shapes with skip connections, and a final linear up_conv without decay.
import tensorflow as tf

from inference import Inference


class WaveUNet(Inference):
    def __init__(self, input_tensor, is_train=True, filters=(16, 32, 32, 64, 64, 128)):
        super(WaveUNet, self).__init__(input_tensor, is_train)
        self.filters = filters

    def build(self, wd):
        skips = []
        x = self.input
        for i, n in enumerate(self.filters):
            x = self.down_conv(x, kwidth=31, num_kernel=n, stride=2, wd=wd, name='enc_%d' % i)
            skips.append(x)
        skips.pop()
        for i, n in reversed(list(enumerate(self.filters[:-1]))):
            x = self.up_conv(x, kwidth=31, num_kernel=n, stride=2, output_shape=self.layer_shape[i + 1],
                             wd=wd, name='dec_%d' % i)
            x = tf.concat([x, skips.pop()], axis=-1)
        return self.up_conv(x, kwidth=31, num_kernel=1, stride=2, output_shape=self.layer_shape[0],
                            wd=None, name='dec_out', activation=tf.nn.tanh)
