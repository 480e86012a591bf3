# Idiom seen in: haoheliu/Key-word-spotting-DNN-GRU-DSCNN config.py
# Idiom seen in: haoheliu/Key-word-spotting-DNN-GRU-DSCNN model.py
# Idiom seen in: haoheliu/Key-word-spotting-DNN-GRU-DSCNN train.py
# What it reproduces: wake-word DS-CNN (slim, Config class) with L2 wired through a guarded helper (slim.l2_regularizer
#   only if Config.weightDecay > 0) plus get_regularization_loss() in the loss, but Config.weightDecay is left at 0.0:
#   the decay never runs (user mistake; the repo had no decay). "Pred_network" is a tensor store, not a loss.
import os

import tensorflow as tf

from model import Model
from dataLoader import dataLoader
from config import Config

os.environ["CUDA_VISIBLE_DEVICES"] = '0'
config = tf.ConfigProto(allow_soft_placement=True)
config.gpu_options.allow_growth = True

with tf.name_scope("Placeholder"):
    batch_ph = tf.placeholder(tf.float32, [None, Config.featureLength], name='batch_ph')
    label_ph = tf.placeholder(tf.int32, shape=(None, 3), name="label_ph")

dataloader = dataLoader()
model = Model()
output = model.create_ds_cnn_model(batch_ph, Config.model_settings, Config.model_size_info, Config.is_training)
loss = model.lossFunc_dscnn(output, label_ph)
tf.summary.scalar("Loss", loss)
tf.add_to_collection("Pred_network", output)
tf.add_to_collection("Pred_network", loss)

with tf.name_scope("modelOptimizer"):
    global_step = tf.Variable(0, trainable=False)
    learning_rate = tf.train.exponential_decay(Config.learningRate, global_step=global_step,
                                               decay_steps=int(10000 / Config.trainBatchSize),
                                               decay_rate=Config.decay_rate, staircase=True)
    tf.summary.scalar("learningRate", learning_rate)
    trainStep = tf.train.GradientDescentOptimizer(learning_rate=learning_rate,
                                                  name="gradient_optimizer").minimize(loss, global_step=global_step)

merged = tf.summary.merge_all()
with tf.Session(config=config) as sess:
    summary_writer = tf.summary.FileWriter(Config.logDir, sess.graph)
    sess.run(tf.global_variables_initializer())
    counter = 0
    for epoch in range(Config.numEpochs):
        while True:
            data, labels = dataloader.getTrainNextBatch()
            if data.shape[0] == 0:
                break
            summary, _, lossRes = sess.run([merged, trainStep, loss], feed_dict={batch_ph: data, label_ph: labels})
            counter += 1
        summary_writer.add_summary(summary, counter)
        print("[EPOCH %d] loss %.4f" % (epoch + 1, lossRes))
        if Config.saveModel:
            model.save(sess)
