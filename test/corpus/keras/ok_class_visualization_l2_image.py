# Idiom seen in: gaoxinge/machine-learning cs231n/assignment/assignment3/network_visualization_activation_1.py
# What it reproduces: class visualization by gradient ascent on the image with `score - l2_reg * l2_loss(X)`;
#   the L2 term is on the input image, the pretrained model is never trained. No weight decay involved. Clean.
import numpy as np
import tensorflow as tf

from cs231n.classifiers.squeezenet import SqueezeNet
from cs231n.data_utils import class_names

SAVE_PATH = 'cs231n/datasets/squeezenet.ckpt'


def create_class_visualization(target_y, model, l2_reg=1e-3, learning_rate=25, num_iterations=100):
    X = tf.Variable(tf.random.normal([1, 224, 224, 3]) * 0.01)
    for t in range(num_iterations):
        ox, oy = np.random.randint(-16, 17, 2)
        X.assign(tf.roll(tf.roll(X, ox, axis=1), oy, axis=2))
        with tf.GradientTape() as tape:
            tape.watch(X)
            loss = model(X)[0, target_y] - l2_reg * tf.nn.l2_loss(X)
        dX = tape.gradient(loss, X)
        X.assign_add(learning_rate * dX / tf.norm(dX))
        X.assign(tf.roll(tf.roll(X, -ox, axis=1), -oy, axis=2))
        X.assign(tf.clip_by_value(X, -1.5, 1.5))
    return X.numpy()


if __name__ == '__main__':
    model = SqueezeNet()
    model.load_weights(SAVE_PATH)
    model.trainable = False
    target = 76
    img = create_class_visualization(target, model)
    print('generated', class_names[target], img.shape)
