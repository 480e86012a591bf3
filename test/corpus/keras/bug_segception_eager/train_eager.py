# Idiom seen in: Shathe/Semantic-Segmentation-Tensorflow-Eager train_eager.py
# Idiom seen in: Shathe/Semantic-Segmentation-Tensorflow-Eager nets/Network.py
# What it reproduces: the eager CamVid training loop: loss = softmax cross entropy weighted by the void mask,
#   g.gradient(loss, variables_to_optimize) with variables_to_optimize = model.trainable_variables; the l2 terms of
#   network.py (model.losses) never join the loss (WD103 is reported on the regularizer keywords in network.py).
import os
import numpy as np
import tensorflow as tf

import network as Segception
import utils.Loader as Loader
from utils.utils import preprocess, lr_decay, convert_to_tensors, get_metrics

tf.random.set_seed(7)
np.random.seed(7)


def train(loader, optimizer, model, epochs=5, batch_size=2, augmenter=False, lr=None, init_lr=2e-4,
          variables_to_optimize=None, name_best_model='weights/best', preprocess_mode=None):
    training_samples = len(loader.image_train_list)
    steps_per_epoch = int(training_samples / batch_size) + 1
    best_miou = 0
    for epoch in range(epochs):
        lr_decay(lr, init_lr, 1e-9, epoch, epochs - 1)
        for step in range(steps_per_epoch):
            with tf.GradientTape() as g:
                x, y, mask = loader.get_batch(size=batch_size, train=True, augmenter=augmenter)
                x = preprocess(x, mode=preprocess_mode)
                [x, y, mask] = convert_to_tensors([x, y, mask])
                y_ = model(x, training=True)
                loss = tf.compat.v1.losses.softmax_cross_entropy(y, y_, weights=mask)
            grads = g.gradient(loss, variables_to_optimize)
            optimizer.apply_gradients(zip(grads, variables_to_optimize))

        test_acc, test_miou = get_metrics(loader, model, loader.n_classes, train=False,
                                          preprocess_mode=preprocess_mode)
        print('epoch %d  test acc %.4f  test miou %.4f' % (epoch, float(test_acc), test_miou))
        if test_miou > best_miou:
            best_miou = test_miou
            model.save_weights(name_best_model)
        loader.suffle_segmentation()


if __name__ == "__main__":
    os.environ["CUDA_VISIBLE_DEVICES"] = '0'
    n_classes, batch_size, epochs = 11, 4, 150
    width, height, channels = 448, 448, 3
    lr = 1.5e-4
    loader = Loader.Loader(dataFolderPath='Datasets/camvid', n_classes=n_classes, problemType='segmentation',
                           width=width, height=height, channels=channels, median_frequency=0.0)
    model = Segception.Efficient(num_classes=n_classes, input_shape=(None, None, channels))
    learning_rate = tf.Variable(lr)
    optimizer = tf.keras.optimizers.Adam(learning_rate)
    model.build(input_shape=(batch_size, width, height, channels))
    variables_to_optimize = model.trainable_variables
    train(loader=loader, optimizer=optimizer, model=model, epochs=epochs, batch_size=batch_size,
          augmenter='segmentation', lr=learning_rate, init_lr=lr, variables_to_optimize=variables_to_optimize,
          name_best_model='weights/camvid/best', preprocess_mode='imagenet')
