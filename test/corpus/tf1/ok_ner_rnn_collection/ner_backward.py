# Idiom seen in: baiyang2464/AI dl/nn/cnn/ner/ner_forward.py
# Idiom seen in: baiyang2464/AI dl/nn/cnn/ner/ner_backward.py
# What it reproduces: forward/backward course layout; get_weight() adds an l2_regularizer term of the
#   output projection to the 'losses' collection and the backward script minimizes cem + add_n(losses). Clean.
# coding:utf-8
import os
import tensorflow as tf
import ner_forward
import data_helper

BATCH_SIZE = 128
REGULARIZER = 0.0001
STEPS = 100
MODEL_SAVE_PATH = "./model/"
MODEL_NAME = "ner_model"

datautil = data_helper.DataUtil()


def backward():
    x = tf.placeholder(tf.int32, [None, None])
    word_emb = tf.Variable(datautil._word_emb, dtype=tf.float32, name='word_emb')
    x_emb = tf.nn.embedding_lookup(word_emb, x)
    y_ = tf.placeholder(tf.int32, [None, None])
    y = ner_forward.forward(x_emb, is_train=True, regularizer=REGULARIZER)

    ce = tf.nn.sparse_softmax_cross_entropy_with_logits(logits=y, labels=y_)
    cem = tf.reduce_mean(ce)
    loss = cem + tf.add_n(tf.get_collection('losses'))

    train_step = tf.train.AdamOptimizer(0.01).minimize(loss)
    saver = tf.train.Saver()
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        for i in range(1, STEPS + 1):
            total, seen = 0.0, 0
            for x_batch, label_batch in datautil.gen_mini_batch(BATCH_SIZE):
                _, loss_value = sess.run([train_step, loss], feed_dict={x: x_batch, y_: label_batch})
                total += loss_value * len(x_batch)
                seen += len(x_batch)
            print("After %d training step(s), loss is %g." % (i, total / seen))
            saver.save(sess, os.path.join(MODEL_SAVE_PATH, MODEL_NAME), global_step=i)


def main():
    datautil.load_emb("data/ner.emb")
    datautil.load_data("data/ner.train")
    backward()


if __name__ == '__main__':
    main()
