# Idiom seen in: Med-Amine-saighi/SIIM-ISIC-Melanoma-Classification src/train.py
# What it reproduces: per-fold train loop; the optimizer is Adam(model.parameters(), lr=CFG.lr,
#   weight_decay=CFG.weight_decay): coupled L2 (WD202) applied to biases and BatchNorm too (WD203).
import time

import torch
import torch.nn as nn
from sklearn import metrics
from torch.optim import Adam
from torch.optim.lr_scheduler import CosineAnnealingLR, CosineAnnealingWarmRestarts, ReduceLROnPlateau

import CFG
import Models
import dataset
import engine
import preprocess
import utils

device = torch.device('cuda' if torch.cuda.is_available() else 'cpu')


def get_scheduler(optimizer):
    if CFG.scheduler == 'ReduceLROnPlateau':
        return ReduceLROnPlateau(optimizer, **CFG.reduce_params)
    if CFG.scheduler == 'CosineAnnealingLR':
        return CosineAnnealingLR(optimizer, **CFG.cosanneal_params)
    return CosineAnnealingWarmRestarts(optimizer, **CFG.cosanneal_res_params)


def train_loop(folds, fold):
    utils.LOGGER.info(f"========== fold: {fold} training ==========")
    train_folds = folds[folds['fold'] != fold]
    valid_folds = folds[folds['fold'] == fold]
    valid_targets = valid_folds.target.values

    train_loader = torch.utils.data.DataLoader(
        dataset.SIIMISICDataset(train_folds, mode='train', transform=dataset.get_transforms('train')),
        batch_size=CFG.batch_size, shuffle=True)
    valid_loader = torch.utils.data.DataLoader(
        dataset.SIIMISICDataset(valid_folds, mode='train', transform=dataset.get_transforms('valid')),
        batch_size=CFG.batch_size, shuffle=False)

    model = Models.CustomModel(CFG)
    model.to(device)

    optimizer = Adam(model.parameters(), lr=CFG.lr, weight_decay=CFG.weight_decay)  # expect: WD202, WD203
    scheduler = get_scheduler(optimizer)
    criterion = nn.CrossEntropyLoss()

    best_auc = 0.0
    for epoch in range(CFG.epochs):
        start_time = time.time()
        avg_loss = engine.train_fn(fold, train_loader, model, criterion, optimizer, epoch, scheduler, device)
        avg_val_loss, preds = engine.valid_fn(valid_loader, model, criterion, device)
        if isinstance(scheduler, ReduceLROnPlateau):
            scheduler.step(avg_val_loss)
        else:
            scheduler.step()
        auc = metrics.roc_auc_score(valid_targets == preprocess.mel_idx, preds[:, preprocess.mel_idx])
        utils.LOGGER.info(f'Epoch {epoch+1} - loss {avg_loss:.4f} val {avg_val_loss:.4f} '
                          f'auc {auc:.4f} time {time.time() - start_time:.0f}s')
        if auc > best_auc:
            best_auc = auc
            torch.save({'model': model.state_dict(), 'preds': preds},
                       utils.OUTPUT_DIR + f'{CFG.model_name}_fold{fold}_best_AUC.pth')
    return best_auc


def main():
    if CFG.train:
        for fold in range(CFG.nfolds):
            if fold in CFG.trn_folds:
                train_loop(preprocess.df_train, fold)


if __name__ == '__main__':
    main()
