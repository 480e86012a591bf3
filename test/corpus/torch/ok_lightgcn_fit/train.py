# Idiom seen in: apat1n/LightGCN-Pytorch train.py
# What it reproduces: model selection by config['MODEL'] and the call into LightGCN.fit.
from pathlib import Path

from config import config
from dataloader import GowallaLightGCNDataset
from model import LightGCN

if __name__ == '__main__':
    dataset_path = Path('dataset') / config['DATASET'] / config['DATASET']
    if config['MODEL'] == 'LightGCN':
        train_dataset = GowallaLightGCNDataset(f'{dataset_path}_custom.train')
        test_dataset = GowallaLightGCNDataset(f'{dataset_path}_custom.test', train=False)
        model = LightGCN(train_dataset)
        model.fit(config['TRAIN_EPOCHS'], test_dataset)
    else:
        raise NotImplementedError(config['MODEL'])
