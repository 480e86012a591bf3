# Idiom seen in: RUCAIBox/RecBole recbole/trainer/trainer.py
# Idiom seen in: RUCAIBox/RecBole recbole/model/general_recommender/lightgcn.py
# What it reproduces: RecBole's Trainer builds Adam with config['weight_decay'] on model.parameters() while
# LightGCN adds reg_weight * EmbLoss(ego embeddings) to its BPR loss: the same embedding tables are decayed
# twice (RecBole itself only logs a warning), and the optimizer's decay is coupled L2 under Adam.
import logging

import torch
import torch.optim as optim


class Trainer(object):
    def __init__(self, config, model):
        self.config = config
        self.model = model
        self.logger = logging.getLogger()
        self.learner = config['learner']
        self.learning_rate = config['learning_rate']
        self.epochs = config['epochs']
        self.weight_decay = config['weight_decay']
        self.device = config['device']
        self.optimizer = self._build_optimizer(self.model.parameters())

    def _build_optimizer(self, params):
        if self.config['reg_weight'] and self.weight_decay and self.weight_decay * self.config['reg_weight'] > 0:
            self.logger.warning(
                'The parameters [weight_decay] and [reg_weight] are specified simultaneously, '
                'which may lead to double regularization.'
            )
        if self.learner.lower() == 'adam':
            optimizer = optim.Adam(params, lr=self.learning_rate,
                                   weight_decay=self.weight_decay)  # expect: WD202
        else:
            self.logger.warning('Received unrecognized optimizer, set default Adam optimizer')
            optimizer = optim.Adam(params, lr=self.learning_rate)
        return optimizer

    def _train_epoch(self, train_data, epoch_idx):
        self.model.train()
        total_loss = 0.
        for batch_idx, interaction in enumerate(train_data):
            interaction = interaction.to(self.device)
            self.optimizer.zero_grad()
            loss = self.model.calculate_loss(interaction)
            loss.backward()
            self.optimizer.step()
            total_loss += loss.item()
        return total_loss

    def fit(self, train_data, valid_data=None):
        for epoch_idx in range(self.epochs):
            train_loss = self._train_epoch(train_data, epoch_idx)
            self.logger.info('epoch %d training loss %.4f', epoch_idx, train_loss)
