# Idiom seen in: MingshiYan/BIPN utils.py
# Idiom seen in: MingshiYan/BIPN model.py
# Idiom seen in: MingshiYan/BIPN trainer.py
# What it reproduces: multi-behaviour recommender whose loss adds reg_weight * EmbLoss(user/item tables)
#   (squared norms, RecBole-style require_pow) while the Trainer's Adam also gets weight_decay=args.decay:
#   the embedding tables are decayed twice, once coupled through Adam. The model has no biases or norms.
import time

import torch
from loguru import logger
from torch import optim
from torch.utils.data import DataLoader


class Trainer(object):

    def __init__(self, model, dataset, args):
        self.model = model
        self.dataset = dataset
        self.learning_rate = args.lr
        self.weight_decay = args.decay
        self.batch_size = args.batch_size
        self.epochs = args.epochs
        self.device = args.device
        self.optimizer = self.get_optimizer(self.model)

    def get_optimizer(self, model):
        optimizer = optim.Adam(filter(lambda p: p.requires_grad, model.parameters()),
                               lr=self.learning_rate,
                               weight_decay=self.weight_decay)  # expect: WD202
        return optimizer

    def train_model(self):
        loader = DataLoader(dataset=self.dataset.behavior_dataset(),
                            batch_size=self.batch_size, shuffle=True)
        for epoch in range(self.epochs):
            self.model.train()
            start = time.time()
            total_loss = 0.0
            for batch_index, batch_data in enumerate(loader):
                batch_data = batch_data.to(self.device)
                self.optimizer.zero_grad()
                loss = self.model(batch_data)
                loss.backward()
                self.optimizer.step()
                total_loss += loss.item()
            logger.info('epoch %d %.2fs Train loss is [%.4f] '
                        % (epoch + 1, time.time() - start, total_loss / (batch_index + 1)))
