# Idiom seen in: yuhaozhang/sentence-convnet model.py
# Idiom seen in: yuhaozhang/sentence-convnet train.py
# What it reproduces: Kim-style sentence CNN with the CIFAR-10 helper; the decay factor is the flag
# --l2_reg (default 0, set on the command line), and loss() sums the 'losses' collection, which
# Adagrad minimizes. Clean: the sum is trained on, and a flag default of 0 is not "decay switched off".
import tensorflow as tf

FLAGS = tf.app.flags.FLAGS

tf.app.flags.DEFINE_integer('batch_size', 50, 'Training batch size')
tf.app.flags.DEFINE_integer('emb_size', 300, 'Size of word embeddings')
tf.app.flags.DEFINE_integer('num_kernel', 100, 'Number of filters for each window size')
tf.app.flags.DEFINE_integer('min_window', 3, 'Minimum size of filter window')
tf.app.flags.DEFINE_integer('max_window', 5, 'Maximum size of filter window')
tf.app.flags.DEFINE_integer('vocab_size', 15000, 'Vocabulary size')
tf.app.flags.DEFINE_integer('num_class', 2, 'Number of class to consider')
tf.app.flags.DEFINE_integer('sent_len', 56, 'Input sentence length after padding')
tf.app.flags.DEFINE_float('l2_reg', 0, 'l2 regularization weight')


def _variable_on_cpu(name, shape, initializer):
    with tf.device('/cpu:0'):
        var = tf.get_variable(name, shape, initializer=initializer)
    return var


def _variable_with_weight_decay(name, shape, initializer, wd):
    var = _variable_on_cpu(name, shape, initializer)
    if wd is not None and wd != 0.:
        weight_decay = tf.multiply(tf.nn.l2_loss(var), wd, name='weight_loss')
        tf.add_to_collection('losses', weight_decay)
    return var


def inference(sentences, keep_prob):
    with tf.variable_scope('lookup'):
        W_emb = _variable_on_cpu('embedding', [FLAGS.vocab_size, FLAGS.emb_size],
                                 tf.random_uniform_initializer(minval=-1.0, maxval=1.0))
        sent_batch = tf.expand_dims(tf.nn.embedding_lookup(W_emb, sentences), -1)

    with tf.variable_scope('conv') as scope:
        pool_tensors = []
        for k_size in range(FLAGS.min_window, FLAGS.max_window + 1):
            kernel = _variable_with_weight_decay('kernel_' + str(k_size),
                                                 [k_size, FLAGS.emb_size, 1, FLAGS.num_kernel],
                                                 tf.truncated_normal_initializer(stddev=0.01),
                                                 wd=FLAGS.l2_reg)
            conv = tf.nn.conv2d(sent_batch, kernel, strides=[1, 1, 1, 1], padding='VALID')
            biases = _variable_on_cpu('biases_' + str(k_size), [FLAGS.num_kernel],
                                      tf.constant_initializer(0.0))
            relu = tf.nn.relu(tf.nn.bias_add(conv, biases), name=scope.name)
            conv_len = relu.get_shape()[1]
            pool = tf.nn.max_pool(relu, ksize=[1, conv_len, 1, 1], strides=[1, 1, 1, 1],
                                  padding='VALID')
            pool_tensors.append(tf.squeeze(pool, axis=[1, 2]))
        pool_layer = tf.concat(pool_tensors, 1, name='pool')

    pool_dropout = tf.nn.dropout(pool_layer, keep_prob)
    pool_size = (FLAGS.max_window - FLAGS.min_window + 1) * FLAGS.num_kernel
    with tf.variable_scope('fc'):
        W = _variable_with_weight_decay('W', [pool_size, FLAGS.num_class],
                                        tf.truncated_normal_initializer(stddev=0.05),
                                        wd=FLAGS.l2_reg)
        biases = _variable_on_cpu('biases', [FLAGS.num_class], tf.constant_initializer(0.01))
        logits = tf.nn.bias_add(tf.matmul(pool_dropout, W), biases)
    return logits


def loss(logits, labels):
    labels = tf.cast(labels, tf.int64)
    cross_entropy = tf.nn.sparse_softmax_cross_entropy_with_logits(
        logits=logits, labels=labels, name='cross_entropy_per_example')
    cross_entropy_loss = tf.reduce_mean(cross_entropy, name='cross_entropy_loss')
    tf.add_to_collection('losses', cross_entropy_loss)
    return tf.add_n(tf.get_collection('losses'), name='total_loss')


def train_batch(loss, lr):
    opt = tf.train.AdagradOptimizer(lr)
    grads = opt.compute_gradients(loss)
    train_op = opt.apply_gradients(grads)
    for grad, var in grads:
        if grad is not None:
            tf.summary.histogram(var.op.name + '/gradients', grad)
    return train_op
