# Idiom seen in: abhishekkrthakur/melanoma-deep-learning main.py
# What it reproduces: the fold training script (albumentations, ClassificationLoader, Adam without
#   weight_decay, ReduceLROnPlateau on AUC); the dropped penalty is reported in model.py.
import os

import albumentations
import numpy as np
import pandas as pd
import torch
from sklearn import metrics
from wtfml.data_loaders.image import ClassificationLoader
from wtfml.utils import EarlyStopping

from engine import Engine
from model import SEResNext50_32x4d


def train(fold):
    training_data_path = "input/jpeg/train224/"
    df = pd.read_csv("input/train_folds.csv")
    device = "cuda"
    epochs = 50
    mean = (0.485, 0.456, 0.406)
    std = (0.229, 0.224, 0.225)

    df_train = df[df.kfold != fold].reset_index(drop=True)
    df_valid = df[df.kfold == fold].reset_index(drop=True)
    aug = albumentations.Compose([
        albumentations.Normalize(mean, std, max_pixel_value=255.0, always_apply=True)])

    train_images = [os.path.join(training_data_path, i + ".jpg") for i in df_train.image_name.values]
    valid_images = [os.path.join(training_data_path, i + ".jpg") for i in df_valid.image_name.values]
    valid_targets = df_valid.target.values
    train_loader = torch.utils.data.DataLoader(
        ClassificationLoader(image_paths=train_images, targets=df_train.target.values, resize=None,
                             augmentations=aug),
        batch_size=32, shuffle=True, num_workers=4)
    valid_loader = torch.utils.data.DataLoader(
        ClassificationLoader(image_paths=valid_images, targets=valid_targets, resize=None,
                             augmentations=aug),
        batch_size=16, shuffle=False, num_workers=4)

    model = SEResNext50_32x4d(pretrained="imagenet")
    model.to(device)
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-4)
    scheduler = torch.optim.lr_scheduler.ReduceLROnPlateau(optimizer, patience=3, mode="max")
    es = EarlyStopping(patience=5, mode="max")
    for epoch in range(epochs):
        Engine.train(train_loader, model, optimizer, device)
        predictions, valid_loss = Engine.evaluate(valid_loader, model, device)
        predictions = np.vstack(predictions).ravel()
        auc = metrics.roc_auc_score(valid_targets, predictions)
        scheduler.step(auc)
        print(f"epoch={epoch}, auc={auc}")
        es(auc, model, f"model{fold}.bin")
        if es.early_stop:
            break


if __name__ == "__main__":
    train(fold=0)
