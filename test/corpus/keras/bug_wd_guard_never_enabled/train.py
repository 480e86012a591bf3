# Idiom seen in: sseung0703/Autoslim_TF2 autotrain.py
# What it reproduces: the driver building the WResNet and the step with the constants of config.py
#   (WEIGHT_DECAY = 0.), the only call of op_util.Optimizer in the workspace.
import tensorflow as tf

import config
import op_util
from dataloader import Dataloader
from nets import WResNet

if __name__ == '__main__':
    train_images, train_labels, _, _ = Dataloader(config.DATASET, '')
    ds = tf.data.Dataset.from_tensor_slices((train_images, train_labels)).shuffle(50000).batch(config.BATCH_SIZE)
    model = WResNet.Model(architecture=[16, 4], num_class=10, name='WResNet', trainable=True)
    training, train_loss, train_accuracy = op_util.Optimizer(model, config.WEIGHT_DECAY, config.LEARNING_RATE)
    for epoch in range(config.TRAIN_EPOCH):
        for images, labels in ds:
            training(images, labels)
        print(epoch, train_loss.result().numpy(), train_accuracy.result().numpy())
        train_loss.reset_states()
        train_accuracy.reset_states()
