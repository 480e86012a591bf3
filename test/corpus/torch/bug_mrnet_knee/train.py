# Idiom seen in: spmallick/learnopencv MRNet-Single-Model/train.py
# What it reproduces: Adam(model.parameters(), weight_decay=config['weight_decay']) = coupled L2 (0.01) divided by
# Adam's adaptive scale, applied to every conv/linear bias as well.
import time

import torch
from torch.utils.tensorboard import SummaryWriter

from config import config
from dataset import load_data
from mrnet import MRnet
from utils import _train_model, _evaluate_model, _get_lr


def train(config: dict):
    print('Starting to Train Model...')
    train_loader, val_loader, train_wts, val_wts = load_data(config['task'])

    model = MRnet()
    if torch.cuda.is_available():
        model = model.cuda()
        train_wts = train_wts.cuda()
        val_wts = val_wts.cuda()

    criterion = torch.nn.BCEWithLogitsLoss(pos_weight=train_wts)
    val_criterion = torch.nn.BCEWithLogitsLoss(pos_weight=val_wts)

    optimizer = torch.optim.Adam(model.parameters(), lr=config['lr'], weight_decay=config['weight_decay'])  # expect: WD202, WD203
    scheduler = torch.optim.lr_scheduler.ReduceLROnPlateau(optimizer, patience=3, factor=.3, threshold=1e-4)

    writer = SummaryWriter(comment='lr={} task={}'.format(config['lr'], config['task']))
    best_val_auc = 0.0
    for epoch in range(config['starting_epoch'], config['max_epoch']):
        current_lr = _get_lr(optimizer)
        epoch_start_time = time.time()
        train_loss, train_auc = _train_model(model, train_loader, epoch, config['max_epoch'], optimizer,
                                             criterion, writer, current_lr, config['log_train'])
        val_loss, val_auc = _evaluate_model(model, val_loader, val_criterion, epoch, config['max_epoch'],
                                            writer, current_lr, config['log_val'])
        scheduler.step(val_loss)
        print("train loss : {0} | train auc {1} | val loss {2} | val auc {3} | elapsed time {4} s".format(
            train_loss, train_auc, val_loss, val_auc, time.time() - epoch_start_time))
        if val_auc > best_val_auc:
            best_val_auc = val_auc
        if bool(config['save_model']):
            torch.save({'model_state_dict': model.state_dict()},
                       './weights/{}/model_{}_epoch_{}.pth'.format(config['task'], config['exp_name'], epoch + 1))
    writer.close()


if __name__ == '__main__':
    print(config)
    train(config=config)
