# Idiom seen in: zzw922cn/Automatic_Speech_Recognition speechvalley/main/timit_train.py
# Idiom seen in: zzw922cn/Automatic_Speech_Recognition speechvalley/models/deepSpeech2.py
# What it reproduces: the argparse training runner of the DeepSpeech2 graph; batches come from a loader
#   module this program does not hold. The L2 term built in deep_speech2.py is only summarized.
import argparse
import numpy as np
import tensorflow as tf
from speechvalley.utils import load_batched_data, dotdict
from deep_speech2 import DeepSpeech2

parser = argparse.ArgumentParser()
parser.add_argument('--batch_size', type=int, default=32)
parser.add_argument('--num_feature', type=int, default=39)
parser.add_argument('--num_hidden', type=int, default=256)
parser.add_argument('--num_layer', type=int, default=4)
parser.add_argument('--num_class', type=int, default=62)
parser.add_argument('--rnncell', type=str, default='gru')
parser.add_argument('--activation', default=tf.nn.tanh)
parser.add_argument('--learning_rate', type=float, default=1e-4)
parser.add_argument('--weight_decay', type=float, default=1e-4)
parser.add_argument('--grad_clip', type=float, default=1.0)
parser.add_argument('--num_epochs', type=int, default=200)
parser.add_argument('--mfcc_dir', type=str, default='/data/timit/mfcc')
parser.add_argument('--label_dir', type=str, default='/data/timit/label')


def main():
    args = parser.parse_args()
    args.is_training = True
    batchedData, maxTimeSteps, totalN = load_batched_data(args.mfcc_dir, args.label_dir, args.batch_size)
    model = DeepSpeech2(args, maxTimeSteps)
    with tf.Session(graph=model.graph) as sess:
        sess.run(model.initial_op)
        writer = tf.summary.FileWriter('./log', sess.graph)
        step = 0
        for epoch in range(args.num_epochs):
            for batchInputs, batchTargetSparse, batchSeqLengths in batchedData:
                batchTargetIxs, batchTargetVals, batchTargetShape = batchTargetSparse
                feedDict = {model.inputX: batchInputs, model.targetIxs: batchTargetIxs,
                            model.targetVals: batchTargetVals, model.targetShape: batchTargetShape,
                            model.seqLengths: batchSeqLengths}
                _, l, er, summary = sess.run([model.optimizer, model.loss, model.errorRate, model.summary_op],
                                             feed_dict=feedDict)
                writer.add_summary(summary, step)
                step += 1
            print('epoch %d loss %.4f er %.4f' % (epoch, l, er / args.batch_size))
            model.saver.save(sess, './checkpoint/model.ckpt', global_step=epoch)


if __name__ == '__main__':
    main()
