# Idiom seen in: yihong-chen/neural-collaborative-filtering src/train.py
# What it reproduces: config dict with 'optimizer': 'adam' and 'l2_regularization'; the factory in utils.py turns
# it into Adam(..., weight_decay=...) on all MLP parameters (coupled L2, biases decayed too).
import numpy as np
import pandas as pd

from data import SampleGenerator
from mlp import MLPEngine

mlp_config = {'alias': 'mlp_factor8neg4_bz256_166832_pretrain_reg_0.0000001',
              'num_epoch': 200,
              'batch_size': 256,
              'optimizer': 'adam',
              'adam_lr': 1e-3,
              'num_users': 6040,
              'num_items': 3706,
              'latent_dim': 8,
              'num_negative': 4,
              'layers': [16, 64, 32, 16, 8],
              'l2_regularization': 0.0000001,
              'use_cuda': True,
              'device_id': 7,
              'model_dir': 'checkpoints/{}_Epoch{}_HR{:.4f}_NDCG{:.4f}.model'}

ml1m_rating = pd.read_csv('data/ml-1m/ratings.dat', sep='::', header=None,
                          names=['uid', 'mid', 'rating', 'timestamp'], engine='python')
user_id = ml1m_rating[['uid']].drop_duplicates().reindex()
user_id['userId'] = np.arange(len(user_id))
ml1m_rating = pd.merge(ml1m_rating, user_id, on=['uid'], how='left')
item_id = ml1m_rating[['mid']].drop_duplicates()
item_id['itemId'] = np.arange(len(item_id))
ml1m_rating = pd.merge(ml1m_rating, item_id, on=['mid'], how='left')
ml1m_rating = ml1m_rating[['userId', 'itemId', 'rating', 'timestamp']]

sample_generator = SampleGenerator(ratings=ml1m_rating)
evaluate_data = sample_generator.evaluate_data
config = mlp_config
engine = MLPEngine(config)
for epoch in range(config['num_epoch']):
    print('Epoch {} starts !'.format(epoch))
    train_loader = sample_generator.instance_a_train_loader(config['num_negative'], config['batch_size'])
    engine.train_an_epoch(train_loader, epoch_id=epoch)
    engine.save(config['alias'], epoch, 0.0, 0.0)
