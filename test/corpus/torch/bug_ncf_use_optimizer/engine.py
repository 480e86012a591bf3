# Idiom seen in: yihong-chen/neural-collaborative-filtering src/utils.py
# Idiom seen in: yihong-chen/neural-collaborative-filtering src/train.py
# What it reproduces: Engine base class; the optimizer comes from use_optimizer(self.model, config), the loss is
# the bare BCE of the implicit-feedback ratings (no explicit penalty).
import torch
from tensorboardX import SummaryWriter

from utils import save_checkpoint, use_optimizer
from metrics import MetronAtK


class Engine(object):
    def __init__(self, config):
        self.config = config
        self._metron = MetronAtK(top_k=10)
        self._writer = SummaryWriter(log_dir='runs/{}'.format(config['alias']))
        self.opt = use_optimizer(self.model, config)
        self.crit = torch.nn.BCELoss()

    def train_single_batch(self, users, items, ratings):
        assert hasattr(self, 'model'), 'Please specify the exact model !'
        if self.config['use_cuda'] is True:
            users, items, ratings = users.cuda(), items.cuda(), ratings.cuda()
        self.opt.zero_grad()
        ratings_pred = self.model(users, items)
        loss = self.crit(ratings_pred.view(-1), ratings)
        loss.backward()
        self.opt.step()
        return loss.item()

    def train_an_epoch(self, train_loader, epoch_id):
        self.model.train()
        total_loss = 0
        for batch_id, batch in enumerate(train_loader):
            user, item, rating = batch[0], batch[1], batch[2].float()
            total_loss += self.train_single_batch(user, item, rating)
        self._writer.add_scalar('model/loss', total_loss, epoch_id)

    def save(self, alias, epoch_id, hit_ratio, ndcg):
        save_checkpoint(self.model, self.config['model_dir'].format(alias, epoch_id, hit_ratio, ndcg))
