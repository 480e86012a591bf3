# Idiom seen in: THUNLP-MT/THUMT thumt/utils/half.py
# What it reproduces: fp16 training through a variable_scope custom_getter that forwards regularizer= to the real
#   getter; the projection weights carry an l2 regularizer and the trainer adds get_regularization_loss(). Clean.
# coding=utf-8
import argparse
import tensorflow as tf

import half
from thumt_data import get_training_input


def parse_args():
    parser = argparse.ArgumentParser(description="Train a small attention NMT model")
    parser.add_argument("--input", type=str, nargs=2, required=True)
    parser.add_argument("--vocab", type=str, nargs=2, required=True)
    parser.add_argument("--hidden_size", type=int, default=512)
    parser.add_argument("--scale_l2", type=float, default=1e-5)
    parser.add_argument("--learning_rate", type=float, default=7e-4)
    parser.add_argument("--train_steps", type=int, default=100000)
    return parser.parse_args()


def encoder_decoder(features, params):
    l2 = tf.contrib.layers.l2_regularizer(params.scale_l2)
    with tf.variable_scope("nmt", custom_getter=half.custom_getter, dtype=tf.float16):
        src_emb = tf.get_variable("source_embedding", [params.src_vocab, params.hidden_size])
        tgt_emb = tf.get_variable("target_embedding", [params.tgt_vocab, params.hidden_size])
        enc = tf.nn.embedding_lookup(src_emb, features["source"])
        dec = tf.nn.embedding_lookup(tgt_emb, features["target"])
        w_att = tf.get_variable("attention_w", [params.hidden_size, params.hidden_size], regularizer=l2)
        scores = tf.matmul(tf.tensordot(dec, w_att, axes=1), enc, transpose_b=True)
        context = tf.matmul(tf.nn.softmax(scores), enc)
        w_out = tf.get_variable("softmax_w", [params.hidden_size, params.tgt_vocab], regularizer=l2)
        logits = tf.tensordot(context + dec, w_out, axes=1)
    return tf.cast(logits, tf.float32)


def main(args):
    features = get_training_input(args.input, args.vocab)
    args.src_vocab, args.tgt_vocab = 32000, 32000
    logits = encoder_decoder(features, args)
    xent = tf.losses.sparse_softmax_cross_entropy(features["labels"], logits,
                                                  weights=tf.sequence_mask(features["target_length"],
                                                                           dtype=tf.float32))
    loss = xent + tf.losses.get_regularization_loss()
    global_step = tf.train.get_or_create_global_step()
    opt = tf.train.AdamOptimizer(args.learning_rate, beta1=0.9, beta2=0.98, epsilon=1e-9)
    train_op = opt.minimize(loss, global_step=global_step)
    hooks = [tf.train.StopAtStepHook(last_step=args.train_steps),
             tf.train.LoggingTensorHook({"loss": loss, "step": global_step}, every_n_iter=100)]
    with tf.train.MonitoredTrainingSession(checkpoint_dir="train", hooks=hooks) as sess:
        while not sess.should_stop():
            sess.run(train_op)


if __name__ == "__main__":
    main(parse_args())
