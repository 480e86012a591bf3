# Idiom seen in: TreB1eN/InsightFace_Pytorch Learner.py
# Idiom seen in: TreB1eN/InsightFace_Pytorch utils.py
# What it reproduces: separate_bn_paras(model) splits the backbone into BatchNorm parameters and the rest; SGD gets
#   {paras_wo_bn + head.kernel, weight_decay 5e-4} and {paras_only_bn} with no decay. The backbone convs/linear are
#   bias-free, so only kernels are decayed: clean.
from easydict import EasyDict as edict
import torch
from torch import optim
from torch.nn import CrossEntropyLoss
from tqdm import tqdm

from data.data_pipe import get_train_loader
from model import Arcface, Backbone
from utils import separate_bn_paras


def get_config():
    conf = edict()
    conf.device = torch.device("cuda:0" if torch.cuda.is_available() else "cpu")
    conf.embedding_size = 512
    conf.drop_ratio = 0.6
    conf.lr = 1e-3
    conf.momentum = 0.9
    conf.milestones = [12, 15, 18]
    conf.batch_size = 100
    return conf


class face_learner(object):
    def __init__(self, conf):
        self.model = Backbone(conf.drop_ratio, conf.embedding_size).to(conf.device)
        self.loader, self.class_num = get_train_loader(conf)
        self.head = Arcface(embedding_size=conf.embedding_size, classnum=self.class_num).to(conf.device)
        self.milestones = conf.milestones
        self.step = 0

        paras_only_bn, paras_wo_bn = separate_bn_paras(self.model)
        self.optimizer = optim.SGD([
                            {'params': paras_wo_bn + [self.head.kernel], 'weight_decay': 5e-4},
                            {'params': paras_only_bn}
                        ], lr=conf.lr, momentum=conf.momentum)

    def schedule_lr(self):
        for params in self.optimizer.param_groups:
            params['lr'] /= 10

    def train(self, conf, epochs):
        self.model.train()
        ce_loss = CrossEntropyLoss()
        for e in range(epochs):
            if e in self.milestones:
                self.schedule_lr()
            for imgs, labels in tqdm(iter(self.loader)):
                imgs, labels = imgs.to(conf.device), labels.to(conf.device)
                self.optimizer.zero_grad()
                embeddings = self.model(imgs)
                thetas = self.head(embeddings, labels)
                loss = ce_loss(thetas, labels)
                loss.backward()
                self.optimizer.step()
                self.step += 1


if __name__ == '__main__':
    conf = get_config()
    learner = face_learner(conf)
    learner.train(conf, epochs=20)
