# Idiom seen in: Arturus/kaggle-web-traffic model.py, hparams.py, trainer.py
# What it reproduces: the Wikipedia traffic forecasting seq2seq (1st place solution): RNN activation/stability
#   losses summed into the SMAPE loss, and make_train_op() that adds tf.get_collection(REGULARIZATION_LOSSES)
#   before compute_gradients. The fingerprint encoder here carries an l2 kernel_regularizer (not in the repo);
#   make_train_op picks its term up, so the program is clean.
import tensorflow as tf
import tensorflow.contrib.rnn as rnn

GRAD_CLIP_THRESHOLD = 10


def make_fingerprint(x, is_train, fc_dropout, l2_scale, seed):
    with tf.variable_scope("fingerprint"):
        c11 = tf.layers.conv1d(x, filters=16, kernel_size=7, activation=tf.nn.relu, padding='same')
        pool1 = tf.layers.max_pooling1d(c11, 2, 2)
        c21 = tf.layers.conv1d(pool1, filters=32, kernel_size=3, activation=tf.nn.relu, padding='same')
        cnn_out = tf.layers.flatten(tf.layers.max_pooling1d(c21, 2, 2))
        fc_encoder = tf.layers.dense(cnn_out, 512, activation=tf.nn.selu, name='fc_encoder',
                                     kernel_regularizer=tf.contrib.layers.l2_regularizer(l2_scale))
        out_encoder = tf.layers.dense(fc_encoder, 16, activation=tf.nn.selu, name='out_encoder')
        if is_train and fc_dropout < 1.0:
            out_encoder = tf.nn.dropout(out_encoder, fc_dropout, seed=seed)
        return out_encoder


def rnn_activation_loss(rnn_output, beta):
    """Regularizing RNNs by stabilizing activations, https://arxiv.org/pdf/1511.08400.pdf"""
    if beta == 0.0:
        return 0.0
    return tf.nn.l2_loss(rnn_output) * beta


def rnn_stability_loss(rnn_output, beta):
    if beta == 0.0:
        return 0.0
    l2 = tf.sqrt(tf.reduce_sum(tf.square(rnn_output), axis=-1))
    return beta * tf.reduce_mean(tf.square(l2[1:] - l2[:-1]))


def smape_loss(true, predicted, weights):
    epsilon = 0.1
    summ = tf.maximum(tf.abs(true) + tf.abs(predicted) + epsilon, 0.5 + epsilon)
    smape = tf.abs(predicted - true) / summ * 2.0
    return tf.losses.compute_weighted_loss(smape, weights, loss_collection=None)


def make_train_op(loss, ema_decay=None):
    optimizer = tf.train.AdamOptimizer()
    glob_step = tf.train.get_global_step()

    # Add regularization losses
    reg_losses = tf.get_collection(tf.GraphKeys.REGULARIZATION_LOSSES)
    total_loss = tf.add_n([loss] + reg_losses) if reg_losses else loss

    grads_and_vars = optimizer.compute_gradients(total_loss)
    gradients, variables = zip(*grads_and_vars)
    clipped_gradients, glob_norm = tf.clip_by_global_norm(gradients, GRAD_CLIP_THRESHOLD)
    sgd_op = optimizer.apply_gradients(zip(clipped_gradients, variables), global_step=glob_step)
    if ema_decay:
        ema = tf.train.ExponentialMovingAverage(decay=ema_decay, num_updates=glob_step)
        with tf.control_dependencies([sgd_op]):
            return tf.group(ema.apply(variables)), glob_norm, ema
    return sgd_op, glob_norm, None


class Model:
    def __init__(self, inp, hparams, is_train, seed, asgd_decay=None):
        self.inp = inp
        self.hparams = hparams
        cell = tf.contrib.cudnn_rnn.CudnnGRU(hparams.encoder_rnn_layers, hparams.rnn_depth)
        encoder_output, _ = cell(tf.transpose(inp.time_x, [1, 0, 2]))
        enc_stab_loss = rnn_stability_loss(encoder_output, hparams.encoder_stability_loss / inp.train_window)
        enc_activation_loss = rnn_activation_loss(encoder_output, hparams.encoder_activation_loss / inp.train_window)

        fingerprint_inp = tf.concat([inp.lagged_x, tf.expand_dims(inp.norm_x, -1)], axis=-1)
        fingerprint = make_fingerprint(fingerprint_inp, is_train, hparams.fingerprint_fc_dropout,
                                       hparams.fingerprint_l2_scale, seed)

        decoder_outputs = self.decoder(encoder_output[-1], fingerprint, inp.time_y)
        dec_stab_loss = rnn_stability_loss(decoder_outputs, hparams.decoder_stability_loss / inp.predict_window)
        dec_activation_loss = rnn_activation_loss(decoder_outputs,
                                                  hparams.decoder_activation_loss / inp.predict_window)

        self.predictions = tf.layers.dense(decoder_outputs, 1, name='decoder_output_proj')[:, :, 0]
        self.predictions = tf.transpose(self.predictions) * inp.norm_std + inp.norm_mean
        weights = tf.to_float(tf.logical_not(tf.is_nan(inp.true_y)))
        self.smape = smape_loss(tf.where(tf.is_nan(inp.true_y), tf.zeros_like(inp.true_y), inp.true_y),
                                self.predictions, weights)
        if is_train:
            total_loss = self.smape + enc_stab_loss + dec_stab_loss + enc_activation_loss + dec_activation_loss
            self.train_op, self.glob_norm, self.ema = make_train_op(total_loss, asgd_decay)

    def decoder(self, encoder_state, fingerprint, prediction_inputs):
        cell = rnn.GRUBlockCell(self.hparams.rnn_depth)
        steps = tf.shape(prediction_inputs)[1]
        fp = tf.tile(tf.expand_dims(fingerprint, 1), [1, steps, 1])
        outputs, _ = tf.nn.dynamic_rnn(cell, tf.concat([prediction_inputs, fp], axis=-1),
                                       initial_state=encoder_state, dtype=tf.float32)
        return outputs
