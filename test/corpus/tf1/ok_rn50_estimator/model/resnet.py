# Idiom seen in: NVIDIA/DeepLearningExamples TensorFlow/Classification/ConvNets/model/resnet.py
# What it reproduces: Estimator model_fn of a ResNet-50 class; L2 over trainable variables except
#   batch-norm parameters, multiplied by params["weight_decay"], added to the cross entropy as
#   total_loss, which MomentumOptimizer.minimize trains on. Clean.
import tensorflow as tf

from model import blocks


class ResnetModel(object):

    def __init__(self, model_name, n_classes, layers_count, layers_depth, compute_format='NHWC'):
        self.model_name = model_name
        self.n_classes = n_classes
        self.layers_count = layers_count
        self.layers_depth = layers_depth
        self.compute_format = compute_format

    def __call__(self, features, labels, mode, params):
        is_training = mode == tf.estimator.ModeKeys.TRAIN
        probs, logits = self.build_model(features, training=is_training)
        y_preds = tf.argmax(logits, axis=1, output_type=tf.int32)

        if mode == tf.estimator.ModeKeys.PREDICT:
            return tf.estimator.EstimatorSpec(mode=mode, predictions={'classes': y_preds, 'probabilities': probs})

        one_hot = tf.one_hot(labels, self.n_classes)
        cross_entropy = tf.losses.softmax_cross_entropy(logits=logits, onehot_labels=one_hot,
                                                        label_smoothing=params["label_smoothing"])

        def loss_filter_fn(name):
            return all(t not in name.lower() for t in ["batchnorm", "batch_norm", "batch_normalization"])

        filtered = [tf.cast(v, tf.float32) for v in tf.trainable_variables() if loss_filter_fn(v.name)]
        l2_loss = tf.multiply(tf.add_n([tf.nn.l2_loss(v) for v in filtered]), params["weight_decay"])
        total_loss = tf.add(cross_entropy, l2_loss, name="total_loss")
        tf.summary.scalar('cross_entropy', cross_entropy)
        tf.summary.scalar('l2_loss', l2_loss)

        if mode == tf.estimator.ModeKeys.EVAL:
            acc = tf.metrics.accuracy(labels, y_preds)
            return tf.estimator.EstimatorSpec(mode=mode, loss=total_loss, eval_metric_ops={'top1_accuracy': acc})

        global_step = tf.train.get_or_create_global_step()
        learning_rate = tf.train.piecewise_constant(global_step, params["lr_boundaries"], params["lr_values"])
        optimizer = tf.train.MomentumOptimizer(learning_rate=learning_rate, momentum=params["momentum"])
        update_ops = tf.get_collection(tf.GraphKeys.UPDATE_OPS)
        with tf.control_dependencies(update_ops):
            backprop_op = optimizer.minimize(total_loss, global_step=global_step)
        return tf.estimator.EstimatorSpec(mode=mode, loss=total_loss, train_op=backprop_op)

    def build_model(self, inputs, training=True):
        with tf.variable_scope(self.model_name):
            net = blocks.conv2d_block(inputs, n_channels=64, kernel_size=(7, 7), strides=(2, 2),
                                      use_batch_norm=True, activation='relu', is_training=training, name='conv2d')
            net = tf.layers.max_pooling2d(net, pool_size=(3, 3), strides=(2, 2), padding='SAME')
            for block_id, depth in enumerate(self.layers_depth):
                for layer_id in range(self.layers_count[block_id]):
                    stride = 2 if (layer_id == 0 and block_id != 0) else 1
                    net = blocks.bottleneck_block(net, depth=depth * 4, depth_bottleneck=depth, stride=stride,
                                                  training=training, block_name="btlnck_%d_%d" % (block_id, layer_id))
            net = tf.reduce_mean(net, axis=[1, 2])
            logits = tf.layers.dense(net, units=self.n_classes, use_bias=True)
            return tf.nn.softmax(logits), logits
