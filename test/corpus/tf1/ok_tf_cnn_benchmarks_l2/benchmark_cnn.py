# Idiom seen in: tensorflow/benchmarks scripts/tf_cnn_benchmarks/benchmark_cnn.py
# Idiom seen in: tensorflow/benchmarks scripts/tf_cnn_benchmarks/tf_cnn_benchmarks.py
# What it reproduces: the tower loss adds len(devices) * weight_decay * l2_loss over the filtered (non-bias,
# non-BN) params under a "weight_decay != 0" guard; the flag defaults to 4e-5 and tf.gradients uses that loss (clean).
import tensorflow as tf
from absl import flags

import convnet_builder
from models import model_config

flags.DEFINE_string('model', 'resnet50', 'Name of the model to run.')
flags.DEFINE_integer('batch_size', 64, 'batch size per compute device')
flags.DEFINE_integer('num_gpus', 1, 'the number of GPUs to run on')
flags.DEFINE_float('weight_decay', 0.00004, 'Weight decay factor for training.')
flags.DEFINE_float('momentum', 0.9, 'Momentum for training.')
flags.DEFINE_float('init_learning_rate', 0.1, 'Initial learning rate for training.')
flags.DEFINE_boolean('single_l2_loss_op', False, 'If True, instead of using an L2 loss op per variable, '
                     'concatenate the variables into a single tensor and do a single L2 loss on the concatenated tensor.')
flags.DEFINE_integer('num_batches', 1000, 'number of batches to run')
FLAGS = flags.FLAGS


class BenchmarkCNN(object):

    def __init__(self, params):
        self.params = params
        self.model = model_config.get_model_config(params.model, 'imagenet')
        self.devices = ['/gpu:%d' % i for i in range(params.num_gpus)]

    def filter_l2_loss_vars(self, variables):
        return [v for v in variables if 'batchnorm' not in v.name and 'bias' not in v.name]

    def add_forward_pass_and_gradients(self, rel_device_num, images, labels):
        network = convnet_builder.ConvNetBuilder(images, 3, True, use_tf_layers=True)
        logits, _ = self.model.build_network(network, nclass=1001)
        base_loss = tf.losses.sparse_softmax_cross_entropy(labels=labels, logits=logits,
                                                           reduction=tf.losses.Reduction.MEAN)
        params = tf.trainable_variables()
        l2_loss = None
        total_loss = base_loss
        filtered_params = self.filter_l2_loss_vars(params)
        if rel_device_num == len(self.devices) - 1:
            if self.params.single_l2_loss_op:
                reshaped_params = [tf.reshape(p, (-1,)) for p in filtered_params]
                l2_loss = tf.nn.l2_loss(tf.concat(reshaped_params, axis=0))
            else:
                l2_loss = tf.add_n([tf.nn.l2_loss(v) for v in filtered_params])
        weight_decay = self.params.weight_decay
        if weight_decay is not None and weight_decay != 0. and l2_loss is not None:
            total_loss += len(self.devices) * weight_decay * l2_loss

        aggmeth = tf.AggregationMethod.DEFAULT
        grads = tf.gradients(total_loss, params, aggregation_method=aggmeth)
        return total_loss, list(zip(grads, params))

    def build_graph(self, images_per_device, labels_per_device):
        global_step = tf.train.get_or_create_global_step()
        tower_grads, losses = [], []
        for i, device in enumerate(self.devices):
            with tf.device(device), tf.variable_scope('v', reuse=tf.AUTO_REUSE):
                loss, gradvars = self.add_forward_pass_and_gradients(i, images_per_device[i], labels_per_device[i])
                losses.append(loss)
                tower_grads.append(gradvars)
        avg_grads = []
        for grad_and_vars in zip(*tower_grads):
            grads = [g for g, _ in grad_and_vars]
            avg_grads.append((tf.add_n(grads) / len(grads), grad_and_vars[0][1]))
        opt = tf.train.MomentumOptimizer(self.params.init_learning_rate, self.params.momentum, use_nesterov=True)
        train_op = opt.apply_gradients(avg_grads, global_step=global_step)
        return train_op, tf.add_n(losses) / len(losses)
