# Idiom seen in: sciforce/phones-las model_helper.py
# Idiom seen in: sciforce/phones-las train.py
# What it reproduces: a Listen-Attend-Spell phone recognizer as an Estimator model_fn; in TRAIN mode the l2 term
# tf.contrib.layers.apply_regularization(l2_regularizer(params.l2_reg_scale), var_list) is added to the audio loss
# before compute_gradients. Clean: the decay term is part of the differentiated loss.
import argparse

import numpy as np
import tensorflow as tf

import las
import utils

GRAD_NORM = 2


def las_model_fn(features, labels, mode, config, params):
    encoder_inputs = features['encoder_inputs']
    source_sequence_length = features['source_sequence_length']

    decoder_inputs, targets, target_sequence_length = None, None, None
    if mode != tf.estimator.ModeKeys.PREDICT:
        decoder_inputs = labels['targets_inputs']
        targets = labels['targets_outputs']
        target_sequence_length = labels['target_sequence_length']

    with tf.variable_scope('listener'):
        (encoder_outputs, source_sequence_length), encoder_state = las.model.listener(
            encoder_inputs, source_sequence_length, mode, params.encoder)

    with tf.variable_scope('speller'):
        decoder_outputs, final_context_state, final_sequence_length = las.model.speller(
            encoder_outputs, encoder_state, decoder_inputs, source_sequence_length,
            target_sequence_length, mode, params.decoder)

    logits = decoder_outputs.rnn_output
    sample_ids = tf.to_int32(tf.argmax(logits, -1))
    if mode == tf.estimator.ModeKeys.PREDICT:
        return tf.estimator.EstimatorSpec(mode, predictions={'sample_ids': sample_ids})

    target_weights = tf.sequence_mask(target_sequence_length, maxlen=tf.shape(targets)[1], dtype=tf.float32)
    audio_loss = tf.contrib.seq2seq.sequence_loss(logits, targets, target_weights)

    if params.ctc_weight > 0:
        ctc_logits = tf.layers.dense(encoder_outputs, params.decoder.target_vocab_size + 1, name='ctc_logits')
        ctc_loss = tf.reduce_mean(tf.nn.ctc_loss_v2(labels=targets, logits=ctc_logits, logits_time_major=False,
                                                    label_length=target_sequence_length,
                                                    logit_length=source_sequence_length))
        audio_loss += params.ctc_weight * ctc_loss

    edit_distance = utils.edit_distance(sample_ids, targets, params.decoder.eos_id)
    metrics = {'edit_distance': tf.metrics.mean(edit_distance)}
    if mode == tf.estimator.ModeKeys.EVAL:
        return tf.estimator.EstimatorSpec(mode, loss=audio_loss, eval_metric_ops=metrics)

    with tf.name_scope('train'):
        optimizer = tf.train.AdamOptimizer(params.learning_rate)
        var_list = tf.get_collection(tf.GraphKeys.TRAINABLE_VARIABLES)
        tf.logging.info('Trainable parameters: {}'.format(
            np.sum([np.prod(v.shape.as_list()) for v in var_list])))

        regularizer = tf.contrib.layers.l2_regularizer(params.l2_reg_scale)
        reg_term = tf.contrib.layers.apply_regularization(regularizer, var_list)
        audio_loss = audio_loss + reg_term

        gvs = optimizer.compute_gradients(audio_loss, var_list=var_list)
        capped = [(tf.clip_by_norm(g, GRAD_NORM), v) for g, v in gvs]
        train_op = optimizer.apply_gradients(capped, global_step=tf.train.get_global_step())

    hook = tf.train.LoggingTensorHook({'loss': audio_loss, 'edit_distance': tf.reduce_mean(edit_distance)},
                                      every_n_iter=10)
    return tf.estimator.EstimatorSpec(mode, loss=audio_loss, train_op=train_op, training_hooks=[hook])


def main(args):
    params = utils.create_hparams(args)
    run_config = tf.estimator.RunConfig(model_dir=args.model_dir, save_checkpoints_secs=600)
    estimator = tf.estimator.Estimator(model_fn=las_model_fn, config=run_config, params=params)
    train_spec = tf.estimator.TrainSpec(input_fn=lambda: utils.input_fn(args.train, args.vocab, args.batch_size))
    eval_spec = tf.estimator.EvalSpec(input_fn=lambda: utils.input_fn(args.valid, args.vocab, args.batch_size),
                                      throttle_secs=args.eval_secs)
    tf.estimator.train_and_evaluate(estimator, train_spec, eval_spec)


if __name__ == '__main__':
    parser = argparse.ArgumentParser()
    parser.add_argument('--train', required=True)
    parser.add_argument('--valid', required=True)
    parser.add_argument('--vocab', required=True)
    parser.add_argument('--model_dir', required=True)
    parser.add_argument('--batch_size', type=int, default=32)
    parser.add_argument('--learning_rate', type=float, default=1e-4)
    parser.add_argument('--l2_reg_scale', type=float, default=1e-5)
    parser.add_argument('--ctc_weight', type=float, default=0.0)
    parser.add_argument('--eval_secs', type=int, default=300)
    tf.logging.set_verbosity(tf.logging.INFO)
    main(parser.parse_args())
