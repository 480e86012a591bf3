# Idiom seen in: GeorgeSeif/Semantic-Segmentation-Suite train.py
# What it reproduces: the loss is the bare cross entropy, and `--regularization` goes to RMSProp's
#   `decay` (a moving-average factor, not weight decay); the arg_scope's l2 terms never reach the loss.
import os
import argparse
import numpy as np
import tensorflow as tf

from utils import data_tool
from model_builder import build_model

parser = argparse.ArgumentParser()
parser.add_argument('--num_epochs', type=int, default=300)
parser.add_argument('--dataset', type=str, default='CamVid')
parser.add_argument('--crop_height', type=int, default=512)
parser.add_argument('--crop_width', type=int, default=512)
parser.add_argument('--batch_size', type=int, default=1)
parser.add_argument('--model', type=str, default='Encoder-Decoder')
parser.add_argument('--frontend', type=str, default='ResNet50')
parser.add_argument('--learning_rate', type=float, default=0.0001)
parser.add_argument('--regularization', type=float, default=0.995,
                    help='Regularization of the optimizer')
args = parser.parse_args()

class_names_list, label_values = data_tool.get_label_info(os.path.join(args.dataset, "class_dict.csv"))
num_classes = len(label_values)

config = tf.compat.v1.ConfigProto()
config.gpu_options.allow_growth = True
sess = tf.compat.v1.Session(config=config)

net_input = tf.compat.v1.placeholder(tf.float32, shape=[None, None, None, 3])
net_output = tf.compat.v1.placeholder(tf.float32, shape=[None, None, None, num_classes])

network, init_fn = build_model(model_name=args.model, frontend=args.frontend,
                               net_input=net_input, num_classes=num_classes,
                               image_width=args.crop_width, image_height=args.crop_height,
                               is_training=True)

loss = tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits(logits=network, labels=net_output))

opt = tf.compat.v1.train.RMSPropOptimizer(learning_rate=args.learning_rate, decay=args.regularization).minimize(
    loss, var_list=[var for var in tf.compat.v1.trainable_variables()])

saver = tf.compat.v1.train.Saver(max_to_keep=1000)
sess.run(tf.compat.v1.global_variables_initializer())
if init_fn is not None:
    init_fn(sess)

train_input_names, train_output_names = data_tool.prepare_data(dataset_dir=args.dataset)
for epoch in range(args.num_epochs):
    id_list = np.random.permutation(len(train_input_names))
    num_iters = int(np.floor(len(id_list) / args.batch_size))
    current_losses = []
    for i in range(num_iters):
        input_batch, output_batch = data_tool.load_batch(train_input_names, train_output_names,
                                                         id_list[i * args.batch_size:(i + 1) * args.batch_size],
                                                         label_values, args.crop_height, args.crop_width)
        _, current = sess.run([opt, loss], feed_dict={net_input: input_batch, net_output: output_batch})
        current_losses.append(current)
    print("Epoch %d mean loss %.4f" % (epoch, np.mean(current_losses)))
    saver.save(sess, "checkpoints/latest_model_%s_%s.ckpt" % (args.model, args.dataset))
