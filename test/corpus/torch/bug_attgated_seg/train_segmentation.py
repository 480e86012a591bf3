# Idiom seen in: ozan-oktay/Attention-Gated-Networks train_segmentation.py
# What it reproduces: the training script reads a config object (the 'model' section of the JSON config,
#   here as a class) and hands it to FeedForwardSegmentation.initialize, whose Adam gets
#   l2_reg_weight=1e-6 (findings reported in models/feedforward_seg_model.py).
import argparse

from torch.utils.data import DataLoader

from dataio.loader import get_dataset, get_dataset_path
from dataio.transformation import get_dataset_transformation
from models.feedforward_seg_model import FeedForwardSegmentation
from utils.error_logger import ErrorLogger


class ModelOpts:
    isTrain = True
    model_type = 'unet'
    criterion = 'dice_loss'
    input_nc = 1
    output_nc = 4
    feature_scale = 4
    lr_rate = 1e-4
    l2_reg_weight = 1e-6
    lr_policy = 'step'
    lr_decay_iters = 250


class TrainOpts:
    n_epochs = 1000
    batchSize = 2
    arch_type = 'acdc_sax'


def train(arguments):
    model_opts, train_opts = ModelOpts(), TrainOpts()
    ds_class = get_dataset(train_opts.arch_type)
    ds_path = get_dataset_path(train_opts.arch_type, arguments.data_root)
    ds_transform = get_dataset_transformation(train_opts.arch_type)

    model = FeedForwardSegmentation()
    model.initialize(model_opts)

    train_dataset = ds_class(ds_path, split='train', transform=ds_transform['train'])
    train_loader = DataLoader(dataset=train_dataset, num_workers=16, batch_size=train_opts.batchSize, shuffle=True)

    error_logger = ErrorLogger()
    model.set_scheduler(model_opts)
    for epoch in range(train_opts.n_epochs):
        for images, labels in train_loader:
            model.set_input(images, labels)
            model.optimize_parameters()
            error_logger.update(model.get_current_errors(), split='train')
        model.update_learning_rate()
        print('epoch {} {}'.format(epoch, error_logger.get_errors('train')))
        error_logger.reset()


if __name__ == '__main__':
    parser = argparse.ArgumentParser(description='CNN Seg Training Function')
    parser.add_argument('-d', '--data_root', default='/vol/biomedic2/acdc', help='dataset root')
    args = parser.parse_args()
    train(args)
