# Idiom seen in: AITTSMD/MTCNN-Tensorflow train_models/train.py
# What it reproduces: the entry point handing P_Net to train(); the L2 sum it returns is never minimized.
from mtcnn_model import P_Net
from train import train


def train_PNet(base_dir, prefix, end_epoch, display, lr):
    net_factory = P_Net
    train(net_factory, prefix, end_epoch, base_dir, display=display, base_lr=lr)


if __name__ == '__main__':
    base_dir = '../../DATA/imglists/PNet'
    model_path = '../data/MTCNN_model/PNet_landmark/PNet'
    train_PNet(base_dir, model_path, end_epoch=30, display=100, lr=0.001)
