# Idiom seen in: Kichkun/segmap_machine_learning_project lechuga/tf_cnn.py
# What it reproduces: the SegMap training script: it builds the graph with model.init_model, fetches the tensors by
#   name and runs "train_op" on batches from generator/preprocessor modules the folder does not hold.
from __future__ import print_function
import argparse
import os
import sys

import numpy as np
import tensorflow as tf

from dataset import Dataset
from generator import Generator
from preprocessor import Preprocessor
from model import init_model

parser = argparse.ArgumentParser()
parser.add_argument("--n_epochs", type=int, default=255)
parser.add_argument("--batch_size", type=int, default=16)
parser.add_argument("--weight_decay", type=float, default=5e-4)
parser.add_argument("--log_path", default="./losses/")
parser.add_argument("--model_folder", default="./tmp/")
args = parser.parse_args()

preprocessor = Preprocessor(augment_angle=180, align="eigen", voxelize=True, scale_method="fit",
                            center_method="mean", scale=(8, 8, 4), voxels=(32, 32, 16), batch_size=args.batch_size)
dataset = Dataset(folder="dataset18")
segments, _, classes, n_classes, _, _, _ = dataset.load(preprocessor=preprocessor)
train_ids = np.arange(len(segments))
preprocessor.init_segments(segments, classes, train_ids=train_ids)
gen_train = Generator(preprocessor, train_ids, n_classes, train=True, batch_size=args.batch_size, shuffle=True)

tf.reset_default_graph()
init_model(tuple(preprocessor.voxels), n_classes, weight_decay=args.weight_decay)
saver = tf.train.Saver(max_to_keep=10)

graph = tf.get_default_graph()
cnn_input = graph.get_tensor_by_name("InputScope/input:0")
y_true = graph.get_tensor_by_name("y_true:0")
training = graph.get_tensor_by_name("training:0")
scales = graph.get_tensor_by_name("scales:0")
loss = graph.get_tensor_by_name("loss:0")
accuracy = graph.get_tensor_by_name("accuracy:0")
update_step = graph.get_tensor_by_name("update_step:0")
train_op = graph.get_operation_by_name("train_op")
summary_batch = tf.summary.merge_all("summary_batch")

with tf.Session() as sess:
    writer = tf.summary.FileWriter(os.path.join(args.log_path, "train"), sess.graph)
    tf.global_variables_initializer().run()
    for epoch in range(args.n_epochs):
        epoch_loss = 0.0
        for step in range(gen_train.n_batches):
            batch_segments, batch_classes = gen_train.next()
            summary, batch_loss, batch_acc, _, step_ = sess.run(
                [summary_batch, loss, accuracy, train_op, update_step],
                feed_dict={cnn_input: batch_segments, y_true: batch_classes,
                           training: True, scales: preprocessor.last_scales})
            writer.add_summary(summary, step_)
            epoch_loss += batch_loss
        sys.stdout.write("epoch %2d loss: %.4f\n" % (epoch, epoch_loss / max(1, gen_train.n_batches)))
        saver.save(sess, os.path.join(args.model_folder, "model.ckpt"), global_step=step_)
