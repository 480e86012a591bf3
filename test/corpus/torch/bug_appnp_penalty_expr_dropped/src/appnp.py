# Idiom seen in: benedekrozemberczki/APPNP src/appnp.py
# Idiom seen in: benedekrozemberczki/APPNP src/appnp_layer.py
# What it reproduces: APPNPTrainer.do_a_step penalizes layer_2.weight_matrix with (lambd/2)*sum(W**2), Adam has no
#   weight_decay. Realistic mistake: the penalty is written as loss.add(...), which is out of place, and its result
#   is dropped, so backward differentiates the bare NLL loss (the real repo reassigns loss = loss + ...).
import random

import torch
from tqdm import trange

from appnp_layer import APPNPModel
from utils import create_propagator_matrix


class APPNPTrainer(object):
    def __init__(self, args, graph, features, target):
        self.device = torch.device('cuda' if torch.cuda.is_available() else 'cpu')
        self.args = args
        self.graph = graph
        self.features = features
        self.target = torch.LongTensor(target).to(self.device)
        self.create_model()
        self.train_test_split()

    def create_model(self):
        self.node_count = self.graph.number_of_nodes()
        self.number_of_labels = int(self.target.max().item()) + 1
        self.feature_indices, self.feature_values, self.number_of_features = self.features
        propagator = create_propagator_matrix(self.graph, self.args.alpha, self.args.model).to(self.device)
        self.model = APPNPModel(self.args, self.number_of_labels, self.number_of_features, propagator).to(self.device)

    def train_test_split(self):
        random.seed(self.args.seed)
        nodes = list(range(self.node_count))
        random.shuffle(nodes)
        self.train_nodes = torch.LongTensor(nodes[0:self.args.train_size]).to(self.device)
        self.validation_nodes = torch.LongTensor(nodes[self.args.train_size + self.args.test_size:]).to(self.device)

    def score(self, index_set):
        self.model.eval()
        _, pred = self.model(self.feature_indices, self.feature_values).max(dim=1)
        return pred[index_set].eq(self.target[index_set]).sum().item() / index_set.size()[0]

    def do_a_step(self):
        self.model.train()
        self.optimizer.zero_grad()
        prediction = self.model(self.feature_indices, self.feature_values)
        loss = torch.nn.functional.nll_loss(prediction[self.train_nodes], self.target[self.train_nodes])
        loss.add((self.args.lambd / 2) * (torch.sum(self.model.layer_2.weight_matrix ** 2)))  # expect: WD104
        loss.backward()
        self.optimizer.step()

    def train_neural_network(self):
        self.optimizer = torch.optim.Adam(self.model.parameters(), lr=self.args.learning_rate)
        self.best_accuracy = 0
        iterator = trange(self.args.epochs, desc='Validation accuracy: ', leave=True)
        for _ in iterator:
            self.do_a_step()
            accuracy = self.score(self.validation_nodes)
            iterator.set_description("Validation accuracy: {:.4f}".format(accuracy))
            self.best_accuracy = max(self.best_accuracy, accuracy)

    def fit(self):
        self.train_neural_network()
        print("Best validation accuracy: {:.4f}".format(self.best_accuracy))
