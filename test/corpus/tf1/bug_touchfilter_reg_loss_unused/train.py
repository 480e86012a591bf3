# Idiom seen in: tengyu-liu/TouchFilter coop_code/train.py
# Idiom seen in: tengyu-liu/TouchFilter coop_code/config.py
# What it reproduces: flags-driven training of the cooperative model (weight_decay=1e-4 handed to every
#   layer), alternating descriptor and generator steps on data from a loader the workspace lacks.
import numpy as np
import tensorflow as tf

from model import Model
from utils.data import DataLoader

flags = tf.app.flags
flags.DEFINE_integer('batch_size', 16, '')
flags.DEFINE_integer('n_obj_pts', 2048, '')
flags.DEFINE_integer('hand_size', 31, '')
flags.DEFINE_integer('n_latent_factor', 5, '')
flags.DEFINE_float('weight_decay', 1e-4, '')
flags.DEFINE_float('lr_gen', 1e-3, '')
flags.DEFINE_float('lr_des', 1e-3, '')
flags.DEFINE_integer('epochs', 100, '')
config = flags.FLAGS


def main(_):
    model = Model(config)
    loader = DataLoader(config)
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        writer = tf.summary.FileWriter('logs/coop', sess.graph)
        step = 0
        for epoch in range(config.epochs):
            for obj, hand in loader.fetch():
                z = np.random.normal(size=[config.batch_size, config.n_latent_factor])
                feed = {model.obs_obj: obj, model.obs_hand: hand, model.syn_z: z,
                        model.lr_gen: config.lr_gen, model.lr_des: config.lr_des}
                _, summ = sess.run([model.train_des, model.summaries], feed_dict=feed)
                sess.run(model.train_gen, feed_dict=feed)
                writer.add_summary(summ, step)
                step += 1


if __name__ == '__main__':
    tf.app.run()
