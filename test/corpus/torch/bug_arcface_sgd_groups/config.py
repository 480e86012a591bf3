# Idiom seen in: ronghuaiyang/arcface-pytorch config/config.py
# What it reproduces: the Config class the training script instantiates (opt = Config()); it selects
# optimizer = 'sgd' with weight_decay = 5e-4, which train.py applies to two whole-module groups.


class Config(object):
    env = 'default'
    backbone = 'resnet18'
    classify = 'softmax'
    num_classes = 13938
    metric = 'arc_margin'
    easy_margin = False

    display = False
    finetune = False

    train_root = '/data/Datasets/webface/CASIA-maxpy-clean-crop-144/'
    train_list = '/data/Datasets/webface/train_data_13938.txt'

    lfw_root = '/data/Datasets/lfw/lfw-align-128'
    lfw_test_list = '/data/Datasets/lfw/lfw_test_pair.txt'

    checkpoints_path = 'checkpoints'
    save_interval = 10

    train_batch_size = 64
    input_shape = (1, 128, 128)

    optimizer = 'sgd'

    num_workers = 4
    print_freq = 100

    max_epoch = 50
    lr = 1e-1
    lr_step = 10
    weight_decay = 5e-4
