# Idiom seen in: MingshiYan/BIPN utils.py
# Idiom seen in: MingshiYan/BIPN model.py
# Idiom seen in: MingshiYan/BIPN trainer.py
# What it reproduces: clean twin of the BIPN recommender: the embedding tables are regularized only by the
#   reg_weight * EmbLoss term in the loss; the Trainer builds Adam without weight_decay, so nothing is
#   decayed twice and there is no coupled Adam decay.
import time

from loguru import logger
from torch import optim
from torch.utils.data import DataLoader


class Trainer(object):

    def __init__(self, model, dataset, args):
        self.model = model
        self.dataset = dataset
        self.learning_rate = args.lr
        self.batch_size = args.batch_size
        self.epochs = args.epochs
        self.device = args.device
        self.optimizer = self.get_optimizer(self.model)

    def get_optimizer(self, model):
        # regularization lives in the loss (EmbLoss); no optimizer-side decay
        optimizer = optim.Adam(filter(lambda p: p.requires_grad, model.parameters()),
                               lr=self.learning_rate)
        return optimizer

    def train_model(self):
        loader = DataLoader(dataset=self.dataset.behavior_dataset(),
                            batch_size=self.batch_size, shuffle=True)
        for epoch in range(self.epochs):
            self.model.train()
            start = time.time()
            total_loss = 0.0
            for batch_data in loader:
                batch_data = batch_data.to(self.device)
                self.optimizer.zero_grad()
                loss = self.model(batch_data)
                loss.backward()
                self.optimizer.step()
                total_loss += loss.item()
            logger.info('epoch %d %.2fs loss %.4f' % (epoch + 1, time.time() - start, total_loss))
