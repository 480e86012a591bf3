# Idiom seen in: bubbliiiing/ssd-tf2 nets/vgg.py
# Idiom seen in: bubbliiiing/ssd-tf2 utils/utils_fit.py
# Idiom seen in: bubbliiiing/ssd-tf2 train_eager.py
# What it reproduces: SSD VGG backbone convs carry l2(weight_decay) kernel regularizers; the eager train_step adds
# tf.reduce_sum(net.losses) to the multibox loss inside the GradientTape before tape.gradient (clean).
import tensorflow as tf
from tensorflow.keras.layers import Concatenate, Conv2D, Flatten, Input, Reshape
from tensorflow.keras.models import Model

from nets.ssd_training import MultiboxLoss
from utils.dataloader import SSDDatasets
from utils_fit import fit_one_epoch
from vgg import VGG16


def SSD300(input_shape, num_classes=21, weight_decay=5e-4):
    input_tensor = Input(shape=input_shape)
    net = VGG16(input_tensor, weight_decay=weight_decay)
    outs = []
    for name, num_anchors in [('conv4_3', 4), ('fc7', 6), ('conv6_2', 6)]:
        loc = Conv2D(num_anchors * 4, kernel_size=(3, 3), padding='same', kernel_regularizer=tf.keras.regularizers.l2(weight_decay), name=name + '_mbox_loc')(net[name])
        conf = Conv2D(num_anchors * num_classes, kernel_size=(3, 3), padding='same', kernel_regularizer=tf.keras.regularizers.l2(weight_decay), name=name + '_mbox_conf')(net[name])
        outs.append((Reshape((-1, 4))(Flatten()(loc)), Reshape((-1, num_classes))(Flatten()(conf))))
    mbox_loc = Concatenate(axis=1)([o[0] for o in outs])
    mbox_conf = tf.keras.layers.Activation('softmax')(Concatenate(axis=1)([o[1] for o in outs]))
    return Model(input_tensor, Concatenate(axis=-1)([mbox_loc, mbox_conf]))


if __name__ == '__main__':
    input_shape = [300, 300, 3]
    num_classes = 21
    batch_size = 16
    Epoch = 100
    model = SSD300(input_shape, num_classes)
    model.load_weights('model_data/ssd_weights.h5', by_name=True, skip_mismatch=True)

    with open('2007_train.txt') as f:
        train_lines = f.readlines()
    gen = SSDDatasets(train_lines, input_shape, batch_size, num_classes, train=True)
    epoch_step = len(train_lines) // batch_size

    lr_schedule = tf.keras.optimizers.schedules.ExponentialDecay(initial_learning_rate=2e-4, decay_steps=epoch_step,
                                                                 decay_rate=0.92, staircase=True)
    optimizer = tf.keras.optimizers.Adam(learning_rate=lr_schedule)
    multiloss = MultiboxLoss(num_classes, neg_pos_ratio=3.0).compute_loss
    for epoch in range(Epoch):
        fit_one_epoch(model, multiloss, optimizer, epoch, epoch_step, gen, Epoch)
