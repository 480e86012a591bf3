# Idiom seen in: AmazingDD/DeepFM-pytorch main.py
# What it reproduces: the hyper-parameter dict handed to DeepFM(args); 'l2_reg': 0. switches the
#   guarded L2 penalty in deepfm.py off for the only model ever built.
import numpy as np
import pandas as pd
import torch
from sklearn.model_selection import train_test_split
from torch.utils.data import DataLoader

from deepfm import DeepFM
from fm_dataset import FMDataset, data_massage

torch.manual_seed(2022)
data = pd.read_csv('./temp_data.csv').reset_index(drop=True)
category_cols = ['CODE_GENDER', 'FLAG_OWN_CAR', 'FLAG_OWN_REALTY']
target_col = 'TARGET'
numeric_cols = list(set(data.columns) - set(category_cols + ['SK_ID_CURR', target_col]))
feat_cols, feat_start_idx, fields_size = data_massage(data, category_cols, numeric_cols)

args = {
    'batch_size': 256,
    'gpuid': '0',
    'lr': 0.001,
    'l2_reg': 0.,
    'epochs': 10,
    'num_features': len(feat_cols),
    'embedding_dim': 8,
    'field_size': fields_size,
    'dense_size': [32, 32],
    'deep_dropout_p': 0.5,
    'batch_norm': True,
    'opt_name': 'adam',
}

train_data, test_data = train_test_split(data, test_size=0.2)
train_data = train_data.reset_index(drop=True)
train_dataset = FMDataset(train_data, feat_start_idx, fields_size, feat_cols, target_col)
train_loader = DataLoader(train_dataset, batch_size=args['batch_size'], shuffle=True)

model = DeepFM(args)
model.fit(train_loader)
