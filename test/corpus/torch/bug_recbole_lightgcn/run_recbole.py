# Idiom seen in: RUCAIBox/RecBole recbole/quick_start/quick_start.py
# What it reproduces: the config dict turns on both weight_decay (Adam) and reg_weight (EmbLoss) for LightGCN;
# the double decay itself is labelled in trainer.py / lightgcn.py.
from recbole_data import create_dataset, data_preparation

from lightgcn import LightGCN
from trainer import Trainer

config = {
    'learner': 'adam',
    'learning_rate': 0.001,
    'epochs': 300,
    'weight_decay': 1e-4,
    'reg_weight': 1e-5,
    'embedding_size': 64,
    'n_layers': 3,
    'device': 'cuda',
}


def run():
    dataset = create_dataset('ml-100k')
    train_data, valid_data, test_data = data_preparation(config, dataset)
    model = LightGCN(config, train_data.dataset).to(config['device'])
    trainer = Trainer(config, model)
    trainer.fit(train_data, valid_data)


if __name__ == '__main__':
    run()
