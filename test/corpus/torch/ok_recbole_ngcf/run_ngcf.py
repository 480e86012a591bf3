# Idiom seen in: RUCAIBox/RecBole recbole/trainer/trainer.py
# Idiom seen in: RUCAIBox/RecBole recbole/properties/overall.yaml
# What it reproduces: a trimmed RecBole trainer whose Adam gets weight_decay only when the config asks for it;
# the NGCF config keeps weight_decay 0.0 (overall.yaml default) and regularises through reg_weight. Clean.
import torch.optim as optim

from ngcf import NGCF
from recbole_data import create_dataset, data_preparation

config = {
    'learner': 'adam',
    'learning_rate': 0.0001,
    'weight_decay': 0.0,
    'reg_weight': 1e-5,
    'embedding_size': 64,
    'hidden_size_list': [64, 64, 64],
    'epochs': 500,
}


def build_optimizer(params):
    if config['weight_decay'] > 0:
        return optim.Adam(params, lr=config['learning_rate'], weight_decay=config['weight_decay'])
    return optim.Adam(params, lr=config['learning_rate'])


def main():
    dataset = create_dataset('yelp')
    train_data, valid_data, test_data = data_preparation(config, dataset)
    model = NGCF(config, train_data.dataset).cuda()
    optimizer = build_optimizer(model.parameters())
    for epoch in range(config['epochs']):
        model.train()
        for interaction in train_data:
            optimizer.zero_grad()
            loss = model.calculate_loss(interaction.to('cuda'))
            loss.backward()
            optimizer.step()


if __name__ == '__main__':
    main()
