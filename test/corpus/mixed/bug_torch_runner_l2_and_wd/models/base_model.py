# Idiom seen in: rutgerswiselab/NCR src/models/BaseModel.py
# What it reproduces: a base recommender module exposing l2() = sum of p**2 over self.parameters() (embeddings, Linear weights and biases, BatchNorm); the runner multiplies it by its l2 weight. The optimizer slot is filled later by the runner.
import torch


class BaseModel(torch.nn.Module):
    def __init__(self, feature_num, random_seed=2018):
        super(BaseModel, self).__init__()
        self.feature_num = feature_num
        torch.manual_seed(random_seed)
        self._init_weights()
        self.optimizer = None

    def _init_weights(self):
        self.x_bn = torch.nn.BatchNorm1d(self.feature_num)
        self.prediction = torch.nn.Linear(self.feature_num, 1)

    def l2(self):
        l2 = 0
        for p in self.parameters():
            l2 += (p ** 2).sum()
        return l2

    def predict(self, feed_dict):
        x = self.x_bn(feed_dict['X'].float())
        return {'prediction': torch.sigmoid(self.prediction(x)).view(-1)}

    def forward(self, feed_dict):
        out = self.predict(feed_dict)
        out['loss'] = torch.nn.functional.binary_cross_entropy(out['prediction'], feed_dict['Y'].float())
        return out
