# Idiom seen in: zzw922cn/Automatic_Speech_Recognition speechvalley/models/deepSpeech2.py
# What it reproduces: DeepSpeech2 (conv + RNN + CTC) graph class; the user adds an L2 term on the conv
#   filters but only writes it to a summary: both training branches (plain minimize and clipped
#   gradients) use the bare CTC loss, so the term is computed and dropped (realistic user mistake).
import tensorflow as tf
from speechvalley.utils import describe, lnGRUCell, lnBasicLSTMCell


def build_deepSpeech2(args, maxTimeSteps, inputX, cell_fn, seqLengths, time_major=True):
    layer1_filter = tf.get_variable('layer1_filter', shape=(41, 11, 1, 32), dtype=tf.float32)
    layer2_filter = tf.get_variable('layer2_filter', shape=(21, 11, 32, 32), dtype=tf.float32)
    layer3_filter = tf.get_variable('layer3_filter', shape=(21, 11, 32, 96), dtype=tf.float32)

    layer1 = tf.nn.conv2d(inputX, layer1_filter, [1, 2, 2, 1], padding='SAME')
    layer1 = tf.layers.batch_normalization(layer1, training=args.is_training)
    layer2 = tf.nn.conv2d(layer1, layer2_filter, [1, 2, 1, 1], padding='SAME')
    layer2 = tf.layers.batch_normalization(layer2, training=args.is_training)
    layer3 = tf.nn.conv2d(layer2, layer3_filter, [1, 2, 1, 1], padding='SAME')
    layer3 = tf.layers.batch_normalization(layer3, training=args.is_training)

    rnn_input = tf.reshape(layer3, [maxTimeSteps, args.batch_size, -1])
    for i in range(args.num_layer):
        with tf.variable_scope('rnn_%d' % i):
            cell = cell_fn(args.num_hidden, activation=args.activation)
            rnn_input, _ = tf.nn.dynamic_rnn(cell, rnn_input, sequence_length=seqLengths, time_major=time_major)
    return tf.layers.dense(rnn_input, args.num_class)


class DeepSpeech2(object):
    def __init__(self, args, maxTimeSteps):
        self.args = args
        self.maxTimeSteps = maxTimeSteps
        self.cell_fn = lnGRUCell if args.rnncell == 'gru' else lnBasicLSTMCell
        self.build_graph(args, maxTimeSteps)

    @describe
    def build_graph(self, args, maxTimeSteps):
        self.graph = tf.Graph()
        with self.graph.as_default():
            self.inputX = tf.placeholder(tf.float32, shape=(maxTimeSteps, args.batch_size, args.num_feature))
            inputXrs = tf.reshape(self.inputX, [args.batch_size, args.num_feature, maxTimeSteps, 1])
            self.targetIxs = tf.placeholder(tf.int64)
            self.targetVals = tf.placeholder(tf.int32)
            self.targetShape = tf.placeholder(tf.int64)
            self.targetY = tf.SparseTensor(self.targetIxs, self.targetVals, self.targetShape)
            self.seqLengths = tf.placeholder(tf.int32, shape=(args.batch_size))

            output_fc = build_deepSpeech2(args, maxTimeSteps, inputXrs, self.cell_fn, self.seqLengths)
            self.loss = tf.reduce_mean(tf.nn.ctc_loss(self.targetY, output_fc, self.seqLengths))
            self.var_trainable_op = tf.trainable_variables()

            filters = [v for v in self.var_trainable_op if 'filter' in v.name]
            l2_loss = args.weight_decay * tf.add_n([tf.nn.l2_loss(v) for v in filters])  # expect: WD104
            tf.summary.scalar('train/l2_loss', l2_loss)
            tf.summary.scalar('train/ctc_loss', self.loss)

            if args.grad_clip == -1:
                self.optimizer = tf.train.AdamOptimizer(args.learning_rate).minimize(self.loss)
            else:
                grads, _ = tf.clip_by_global_norm(tf.gradients(self.loss, self.var_trainable_op), args.grad_clip)
                opti = tf.train.AdamOptimizer(args.learning_rate)
                self.optimizer = opti.apply_gradients(zip(grads, self.var_trainable_op))

            self.predictions = tf.to_int32(
                tf.nn.ctc_beam_search_decoder(output_fc, self.seqLengths, merge_repeated=False)[0][0])
            self.errorRate = tf.reduce_sum(tf.edit_distance(self.predictions, self.targetY, normalize=True))
            self.summary_op = tf.summary.merge_all()
            self.initial_op = tf.global_variables_initializer()
            self.saver = tf.train.Saver(tf.global_variables(), max_to_keep=5)
