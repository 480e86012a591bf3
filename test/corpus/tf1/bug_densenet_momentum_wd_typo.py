# Idiom seen in: taki0112/Densenet-Tensorflow Cifar10/Densenet_Cifar10.py
# What it reproduces: DenseNet script whose (commented-out) paper setting is MomentumOptimizer + cost + l2_loss*weight_decay
#   over tf.trainable_variables(); this user variant enables that setting but types weight_decay = 1e4 for 1e-4.
#   lr*wd = 0.1*1e4 = 1000, far past the Nesterov-momentum limit 2(1+m)/(1+2m) = 1.36: the weights blow up (WD301).
import tensorflow as tf
from tflearn.layers.conv import global_avg_pool
from tensorflow.contrib.layers import batch_norm, flatten
from tensorflow.contrib.framework import arg_scope
from cifar10 import prepare_data, color_preprocessing, data_augmentation

growth_k = 24
nb_block = 2
init_learning_rate = 0.1
nesterov_momentum = 0.9
weight_decay = 1e4  # expect: WD301
class_num = 10
batch_size = 64
total_epochs = 300


def conv_layer(input, filter, kernel, stride=1, layer_name="conv"):
    with tf.name_scope(layer_name):
        return tf.layers.conv2d(inputs=input, use_bias=False, filters=filter,
                                kernel_size=kernel, strides=stride, padding='SAME')


def Batch_Normalization(x, training, scope):
    with arg_scope([batch_norm], scope=scope, updates_collections=None, decay=0.9,
                   center=True, scale=True, zero_debias_moving_mean=True):
        return tf.cond(training,
                       lambda: batch_norm(inputs=x, is_training=training, reuse=None),
                       lambda: batch_norm(inputs=x, is_training=training, reuse=True))


class DenseNet():
    def __init__(self, x, nb_blocks, filters, training):
        self.nb_blocks = nb_blocks
        self.filters = filters
        self.training = training
        self.model = self.Dense_net(x)

    def bottleneck_layer(self, x, scope):
        with tf.name_scope(scope):
            x = Batch_Normalization(x, training=self.training, scope=scope + '_batch1')
            x = tf.nn.relu(x)
            x = conv_layer(x, filter=4 * self.filters, kernel=[1, 1], layer_name=scope + '_conv1')
            x = Batch_Normalization(x, training=self.training, scope=scope + '_batch2')
            x = tf.nn.relu(x)
            return conv_layer(x, filter=self.filters, kernel=[3, 3], layer_name=scope + '_conv2')

    def dense_block(self, input_x, nb_layers, layer_name):
        with tf.name_scope(layer_name):
            layers_concat = [input_x]
            x = self.bottleneck_layer(input_x, scope=layer_name + '_bottleN_0')
            layers_concat.append(x)
            for i in range(nb_layers - 1):
                x = tf.concat(layers_concat, axis=3)
                x = self.bottleneck_layer(x, scope=layer_name + '_bottleN_' + str(i + 1))
                layers_concat.append(x)
            return tf.concat(layers_concat, axis=3)

    def Dense_net(self, input_x):
        x = conv_layer(input_x, filter=2 * self.filters, kernel=[7, 7], stride=2, layer_name='conv0')
        for i in range(self.nb_blocks):
            x = self.dense_block(input_x=x, nb_layers=4, layer_name='dense_' + str(i))
        x = Batch_Normalization(x, training=self.training, scope='linear_batch')
        x = tf.nn.relu(x)
        x = global_avg_pool(x)
        x = flatten(x)
        return tf.layers.dense(inputs=x, units=class_num, name='linear')


train_x, train_y, test_x, test_y = prepare_data()
train_x, test_x = color_preprocessing(train_x, test_x)

x = tf.placeholder(tf.float32, shape=[None, 32, 32, 3])
label = tf.placeholder(tf.float32, shape=[None, class_num])
training_flag = tf.placeholder(tf.bool)

logits = DenseNet(x=x, nb_blocks=nb_block, filters=growth_k, training=training_flag).model
cost = tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits(labels=label, logits=logits))

# In paper, use MomentumOptimizer with init_learning_rate = 0.1
l2_loss = tf.add_n([tf.nn.l2_loss(var) for var in tf.trainable_variables()])
optimizer = tf.train.MomentumOptimizer(learning_rate=init_learning_rate,
                                       momentum=nesterov_momentum, use_nesterov=True)
train = optimizer.minimize(cost + l2_loss * weight_decay)

with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for epoch in range(1, total_epochs + 1):
        pre_index = 0
        for step in range(len(train_x) // batch_size):
            batch_x = data_augmentation(train_x[pre_index: pre_index + batch_size])
            batch_y = train_y[pre_index: pre_index + batch_size]
            _, batch_loss = sess.run([train, cost], feed_dict={x: batch_x, label: batch_y,
                                                               training_flag: True})
            pre_index += batch_size
        print("epoch: %d/%d, train_loss: %.4f" % (epoch, total_epochs, batch_loss))
