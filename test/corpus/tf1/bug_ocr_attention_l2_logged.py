# Idiom seen in: truongpl/attention_ocr model_fn.py
# What it reproduces: the repo's attention-OCR Estimator model_fn with a weight-decay term a user adds on the kernels;
#   the term is only written to a summary, while optimizer.minimize gets the bare sequence loss, so the decay is
#   computed every step and thrown away (a realistic mistake in this idiom; the repo itself had no decay).
import tensorflow as tf

START_TOKEN = 0
END_TOKEN = 1


def build_encoder(images, is_training, params):
    net = images
    for i, filters in enumerate([64, 128, 256, 256]):
        net = tf.layers.conv2d(net, filters, 3, padding='same', activation=tf.nn.relu, name='conv%d' % i,
                               kernel_initializer=tf.glorot_uniform_initializer())
        net = tf.layers.batch_normalization(net, training=is_training, name='bn%d' % i)
        net = tf.layers.max_pooling2d(net, (2, 1) if i > 1 else (2, 2), (2, 1) if i > 1 else (2, 2))
    net = tf.squeeze(tf.reduce_mean(net, axis=1, keepdims=True), axis=1)
    cell_fw = tf.nn.rnn_cell.LSTMCell(params.encoder_lstm_hidden)
    cell_bw = tf.nn.rnn_cell.LSTMCell(params.encoder_lstm_hidden)
    (out_fw, out_bw), (st_fw, st_bw) = tf.nn.bidirectional_dynamic_rnn(cell_fw, cell_bw, net, dtype=tf.float32)
    state = tf.nn.rnn_cell.LSTMStateTuple(tf.concat([st_fw.c, st_bw.c], -1), tf.concat([st_fw.h, st_bw.h], -1))
    return tf.concat([out_fw, out_bw], -1), state


def build_train_decoder(decoder_in, encoder_out, state, seq_length, params):
    with tf.variable_scope('embedding', reuse=tf.AUTO_REUSE):
        embedding = tf.get_variable('embedding', shape=[params.max_char_vocab, params.char_embedding_dim])
    helper = tf.contrib.seq2seq.TrainingHelper(tf.nn.embedding_lookup(embedding, decoder_in), seq_length + 1)
    with tf.variable_scope('decode', reuse=tf.AUTO_REUSE):
        attention = tf.contrib.seq2seq.BahdanauAttention(num_units=params.attention_units, memory=encoder_out)
        cell = tf.nn.rnn_cell.LSTMCell(params.encoder_lstm_hidden * 2)
        attn_cell = tf.contrib.seq2seq.AttentionWrapper(cell, attention,
                                                        attention_layer_size=params.attention_layer_size)
        project_cell = tf.contrib.rnn.OutputProjectionWrapper(attn_cell, params.max_char_vocab)
        batch_size = tf.shape(encoder_out)[0]
        init_state = attn_cell.zero_state(dtype=tf.float32, batch_size=batch_size).clone(cell_state=state)
        decoder = tf.contrib.seq2seq.BasicDecoder(project_cell, helper, init_state)
        train_out, _, _ = tf.contrib.seq2seq.dynamic_decode(decoder=decoder, output_time_major=False)
    return train_out


def model_fn(features, labels, mode, params):
    is_training = (mode == tf.estimator.ModeKeys.TRAIN)
    images, decoder_in, seq_length = features
    encoder_out, state = build_encoder(images, is_training, params)
    train_out = build_train_decoder(decoder_in, encoder_out, state, seq_length, params)
    mask = tf.cast(tf.sequence_mask(seq_length + 1), tf.float32)
    loss = tf.contrib.seq2seq.sequence_loss(train_out.rnn_output, labels, weights=mask,
                                            average_across_timesteps=True, average_across_batch=True)
    if mode == tf.estimator.ModeKeys.EVAL:
        return tf.estimator.EstimatorSpec(mode, loss=loss)

    global_step = tf.train.get_global_step()
    l2_loss = params.weight_decay * tf.add_n([tf.nn.l2_loss(v) for v in tf.trainable_variables() if 'kernel' in v.name])  # expect: WD104
    tf.summary.scalar('l2_loss', l2_loss)
    tf.summary.scalar('seq_loss', loss)

    learning_rate = tf.train.exponential_decay(params.learning_rate, global_step, params.learning_rate_step,
                                               params.learning_rate_decay, staircase=True)
    optimizer = tf.train.AdamOptimizer(learning_rate)
    with tf.control_dependencies(tf.get_collection(tf.GraphKeys.UPDATE_OPS)):
        train_op = optimizer.minimize(loss, global_step=global_step)
    return tf.estimator.EstimatorSpec(mode, loss=loss, train_op=train_op)


if __name__ == '__main__':
    import ocr_input
    from hparams import load_hparams
    hparams = load_hparams('configs/attention_ocr.json')
    ocr = tf.estimator.Estimator(model_fn=model_fn, model_dir=hparams.model_dir, params=hparams)
    ocr.train(input_fn=lambda: ocr_input.train_input_fn(hparams), max_steps=hparams.train_steps)
