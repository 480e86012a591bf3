# Idiom seen in: facebookresearch/DomainBed domainbed/algorithms.py
# Idiom seen in: facebookresearch/DomainBed domainbed/hparams_registry.py
# What it reproduces: ERM's constructor builds torch.optim.Adam over network.parameters() with
#   weight_decay=self.hparams['weight_decay']; in a sweep that value is positive, so it is coupled L2
#   under Adam, applied to the ResNet's BatchNorm parameters and every bias as well.
import torch
import torch.nn as nn
import torch.nn.functional as F

import networks

ALGORITHMS = ['ERM']


def get_algorithm_class(algorithm_name):
    if algorithm_name not in globals():
        raise NotImplementedError("Algorithm not found: {}".format(algorithm_name))
    return globals()[algorithm_name]


class Algorithm(torch.nn.Module):
    def __init__(self, input_shape, num_classes, num_domains, hparams):
        super(Algorithm, self).__init__()
        self.hparams = hparams

    def update(self, minibatches, unlabeled=None):
        raise NotImplementedError

    def predict(self, x):
        raise NotImplementedError


class ERM(Algorithm):
    """Empirical Risk Minimization (ERM)"""

    def __init__(self, input_shape, num_classes, num_domains, hparams):
        super(ERM, self).__init__(input_shape, num_classes, num_domains, hparams)
        self.featurizer = networks.Featurizer(input_shape, self.hparams)
        self.classifier = networks.Classifier(
            self.featurizer.n_outputs,
            num_classes,
            self.hparams['nonlinear_classifier'])

        self.network = nn.Sequential(self.featurizer, self.classifier)
        self.optimizer = torch.optim.Adam(
            self.network.parameters(),  # expect: WD203
            lr=self.hparams["lr"],
            weight_decay=self.hparams['weight_decay']  # expect: WD202
        )

    def update(self, minibatches, unlabeled=None):
        all_x = torch.cat([x for x, y in minibatches])
        all_y = torch.cat([y for x, y in minibatches])
        loss = F.cross_entropy(self.predict(all_x), all_y)

        self.optimizer.zero_grad()
        loss.backward()
        self.optimizer.step()

        return {'loss': loss.item()}

    def predict(self, x):
        return self.network(x)
