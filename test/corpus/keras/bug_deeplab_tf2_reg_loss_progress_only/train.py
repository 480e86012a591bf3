# Idiom seen in: bubbliiiing/deeplabv3-plus-tf2 utils/utils_fit.py
# Idiom seen in: bubbliiiing/deeplabv3-plus-tf2 nets/deeplab.py
# Idiom seen in: bubbliiiing/deeplabv3-plus-tf2 train.py
# What it reproduces: the DeepLab convs carry l2 kernel regularizers; train_step sums net.losses after the tape
# only to show "reg loss" in the tqdm bar, while tape.gradient differentiates the segmentation loss alone.
import tensorflow as tf
from tensorflow.keras.optimizers import Adam

from deeplab import Deeplabv3
from nets.deeplab_training import CE, f_score
from utils.dataloader import DeeplabDataset
from utils_fit import fit_one_epoch

if __name__ == '__main__':
    num_classes = 21
    input_shape = [512, 512]
    weight_decay = 1e-4
    Init_lr = 7e-3
    batch_size = 8
    UnFreeze_Epoch = 100
    save_dir = 'logs'

    with open('VOCdevkit/VOC2007/ImageSets/Segmentation/train.txt', 'r') as f:
        train_lines = f.readlines()

    model = Deeplabv3([input_shape[0], input_shape[1], 3], num_classes, weight_decay=weight_decay)
    model.load_weights('model_data/deeplabv3_mobilenetv2.h5', by_name=True, skip_mismatch=True)

    train_dataloader = DeeplabDataset(train_lines, input_shape, batch_size, num_classes, True, 'VOCdevkit')
    epoch_step = len(train_lines) // batch_size
    optimizer = Adam(learning_rate=Init_lr, beta_1=0.9)
    loss = CE()
    for epoch in range(UnFreeze_Epoch):
        fit_one_epoch(model, loss, optimizer, epoch, epoch_step, train_dataloader, UnFreeze_Epoch,
                      f_score(), save_dir)
