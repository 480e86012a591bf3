# Idiom seen in: MG2033/MobileNet main.py
# Idiom seen in: MG2033/MobileNet utils.py
# What it reproduces: JSON config parsed into an attribute dict (l2_strength 4e-5) and handed to the model,
#   whose train_op minimizes cross entropy + the regularization collection (clean).
import argparse
import json

import tensorflow as tf
from easydict import EasyDict as edict

from model import MobileNet
from data_loader import DataLoader


def parse_args():
    parser = argparse.ArgumentParser(description="MobileNet TensorFlow Implementation")
    parser.add_argument('--config', default=None, type=str, help='Configuration file')
    args = parser.parse_args()
    with open(args.config, 'r') as config_file:
        config_args_dict = json.load(config_file)
    return edict(config_args_dict)


def main():
    config_args = parse_args()
    tf.reset_default_graph()
    config = tf.ConfigProto(allow_soft_placement=True)
    config.gpu_options.allow_growth = True
    sess = tf.Session(config=config)

    data = DataLoader(config_args.batch_size, config_args.shuffle)
    config_args.img_height, config_args.img_width, config_args.num_channels, \
        config_args.train_data_size, config_args.test_data_size = data.load_data()

    model = MobileNet(config_args)
    sess.run(tf.group(tf.global_variables_initializer(), tf.local_variables_initializer()))
    for epoch in range(config_args.num_epochs):
        for x_batch, y_batch in data.generate_batch(type='train'):
            _, loss = sess.run([model.train_op, model.loss],
                               feed_dict={model.X: x_batch, model.y: y_batch, model.is_training: True})
        print("epoch {} loss {:.4f}".format(epoch, loss))


if __name__ == '__main__':
    main()
