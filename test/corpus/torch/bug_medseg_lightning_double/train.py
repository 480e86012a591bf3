# Idiom seen in: t110368027/Medical_Segmentation_Benchmark train.py
# What it reproduces: the CLI passes --weight_decay and --l2_lambda (both 1e-4 by default) into the
#   LightningModule, where Adam's weight_decay and the explicit L2 in the returned loss both act on the
#   U-Net weights (findings reported in src/model.py).
import argparse
import os
from datetime import datetime

import pytorch_lightning as pl
from pytorch_lightning.callbacks import ModelCheckpoint
from pytorch_lightning.loggers import CSVLogger

from src.model import Model
from src.dataset import DataModule
from src.augment import get_train_augmentation

pl.seed_everything(123)


def train(args, model, dataset):
    checkpoint_callback = ModelCheckpoint(monitor='valid_dice_score', save_top_k=1, save_weights_only=True,
                                          filename='best-{epoch:02d}-{valid_dice_score:.5f}', mode='max')
    trainer = pl.Trainer(accelerator="gpu", devices=[args.gpu], max_epochs=args.epoch, precision=16,
                         callbacks=checkpoint_callback,
                         logger=CSVLogger(save_dir="./logs/" + args.dataset_name + "/", name=args.model))
    time_start = datetime.now()
    trainer.fit(model, dataset)
    print("\nTraining execution time is: ", (datetime.now() - time_start))


def main(args):
    data_path = os.path.join(args.dataset_path, args.dataset_name, 'set.npz')
    model = Model(arch=args.model, in_channels=1, out_classes=1, lr=args.learning_rate,
                  weight_decay=args.weight_decay, l2_lambda=args.l2_lambda)
    dataset = DataModule(data_dir=data_path, batch_size=args.batch_size, numworkers=args.numworkers,
                         data_name=args.dataset_name, is_patch=args.is_patch, transform=get_train_augmentation)
    train(args, model, dataset)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument('-m', '--model', default="UNet", type=str, help='the name of model')
    parser.add_argument('-b', '--batch_size', default=8, type=int)
    parser.add_argument('-p', '--is_patch', action="store_true", help='patch image of slide window for whole image')
    parser.add_argument('-n', '--numworkers', default=0, type=int, help='number of workers')
    parser.add_argument('-g', '--gpu', default=0, type=int)
    parser.add_argument('-e', '--epoch', default=50, type=int, help='training epoch')
    parser.add_argument('-lr', '--learning_rate', default=0.001, type=float)
    parser.add_argument('-wd', '--weight_decay', default=1e-4, type=float)
    parser.add_argument('--l2_lambda', default=1e-4, type=float)
    parser.add_argument('-dp', '--dataset_path', default="datasets", type=str, help='the path of dataset')
    parser.add_argument('-dn', '--dataset_name', default="DRIVE", type=str, help='the name of dataset')
    args = parser.parse_args()
    main(args)
