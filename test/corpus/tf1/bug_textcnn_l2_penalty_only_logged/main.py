# Idiom seen in: angrypark/korean-text-classification-tf models/TextCNN.py
# Idiom seen in: angrypark/korean-text-classification-tf base/base_model.py
# What it reproduces: a config-driven TextCNN (BaseModel template) that accumulates l2_loss of the
#   output W and b; the user split the loss to log its parts, scales the penalty by l2_reg_lambda
#   for a summary, but the train_step minimizes the bare cross entropy (user slip; the repo adds it).
import numpy as np
import tensorflow as tf

from data_loader import DataGenerator
from TextCNN import TextCNN
from utils.config import process_config
from utils.utils import get_args


def main():
    args = get_args()
    config = process_config(args.config)
    data = DataGenerator(config)
    model = TextCNN(config)
    merged = tf.summary.merge_all()
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        writer = tf.summary.FileWriter("runs/{}/summary".format(config.name), sess.graph)
        for epoch in range(config.num_epochs):
            losses, scores = [], []
            for _ in range((data.train_size - 1) // config.batch_size + 1):
                batch_x, batch_y = next(data.next_batch(config.batch_size))
                feed = {model.input_x: batch_x, model.input_y: batch_y,
                        model.dropout_keep_prob: config.dropout_keep_prob}
                _, loss, score, summ, step = sess.run(
                    [model.train_step, model.loss, model.score, merged, model.global_step_tensor],
                    feed_dict=feed)
                writer.add_summary(summ, step)
                losses.append(loss)
                scores.append(score)
            print("Epoch {:2d} | loss {:.4f} | acc {:.4f}".format(epoch, np.mean(losses),
                                                                  np.mean(scores)))
            model.save(sess)


if __name__ == '__main__':
    main()
