# Idiom seen in: clovaai/stargan-v2-tensorflow StarGAN_v2.py (networks built from the ops wrappers)
# What it reproduces: three tf.keras.Model sub-networks; Generator and Discriminator are conv-only, the
#   MappingNetwork is an MLP of FullyConnected layers (one style head per domain).
# label-note: no label here; the regularizers live in ops.py.
import tensorflow as tf

from ops import Conv, FullyConnected, lrelu


class Generator(tf.keras.Model):
    def __init__(self, img_ch=3, ch=64, n_res=4, name='Generator'):
        super(Generator, self).__init__(name=name)
        self.from_rgb = Conv(ch, kernel=1, name='from_rgb')
        self.blocks = [Conv(ch, name='block_%d' % i) for i in range(n_res)]
        self.to_rgb = Conv(img_ch, kernel=1, name='to_rgb')

    def call(self, inputs, training=None, mask=None):
        x, s = inputs
        h = self.from_rgb(x)
        s_map = tf.tile(s[:, None, None, :], [1, tf.shape(h)[1], tf.shape(h)[2], 1])
        for block in self.blocks:
            h = h + block(lrelu(tf.concat([h, s_map], axis=-1)))
        return tf.tanh(self.to_rgb(h))


class MappingNetwork(tf.keras.Model):
    def __init__(self, style_dim=64, hidden_dim=512, num_domains=2, name='MappingNetwork'):
        super(MappingNetwork, self).__init__(name=name)
        self.shared = [FullyConnected(hidden_dim, name='shared_%d' % i) for i in range(4)]
        self.unshared = [FullyConnected(style_dim, name='style_%d' % d) for d in range(num_domains)]

    def call(self, inputs, training=None, mask=None):
        z, y = inputs
        h = z
        for fc in self.shared:
            h = tf.nn.relu(fc(h))
        styles = tf.stack([head(h) for head in self.unshared], axis=1)  # [bs, num_domains, style_dim]
        return tf.gather(styles, tf.squeeze(y, axis=-1), axis=1, batch_dims=1)


class Discriminator(tf.keras.Model):
    def __init__(self, num_domains=2, ch=64, n_down=5, name='Discriminator'):
        super(Discriminator, self).__init__(name=name)
        self.convs = [Conv(ch * min(2 ** i, 8), stride=2, name='down_%d' % i) for i in range(n_down)]
        self.logit = Conv(num_domains, kernel=1, name='logit')

    def call(self, inputs, training=None, mask=None):
        x, y = inputs
        h = x
        for conv in self.convs:
            h = lrelu(conv(h))
        logits = tf.reduce_mean(self.logit(h), axis=[1, 2])  # [bs, num_domains]
        return tf.gather(logits, tf.squeeze(y, axis=-1), axis=1, batch_dims=1)
