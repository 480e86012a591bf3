# Idiom seen in: benedekrozemberczki/MixHop-and-N-GCN src/trainer_and_networks.py
# Idiom seen in: benedekrozemberczki/MixHop-and-N-GCN src/main.py
# What it reproduces: MixHopNetwork.calculate_loss() returns lambd * the squared norms of every layer's
#   weight_matrix. Realistic mistake: Trainer.fit stores it in weight_loss and only shows it in the tqdm bar; the
#   "loss = loss + weight_loss" line is gone, so backward sees the bare NLL (the real repo adds it).
import random

import torch
from tqdm import trange

from layers import SparseNGCNLayer, DenseNGCNLayer, ListModule
from utils import create_propagator_matrix


class MixHopNetwork(torch.nn.Module):
    def __init__(self, args, feature_number, class_number):
        super(MixHopNetwork, self).__init__()
        self.args = args
        self.feature_number = feature_number
        self.class_number = class_number
        self.order_1 = len(self.args.layers_1)
        self.order_2 = len(self.args.layers_2)
        self.upper_layers = ListModule(*[SparseNGCNLayer(self.feature_number, self.args.layers_1[i - 1], i, self.args.dropout)
                                         for i in range(1, self.order_1 + 1)])
        self.bottom_layers = ListModule(*[DenseNGCNLayer(sum(self.args.layers_1), self.args.layers_2[i - 1], i, self.args.dropout)
                                          for i in range(1, self.order_2 + 1)])
        self.fully_connected = torch.nn.Linear(sum(self.args.layers_2), self.class_number)

    def calculate_loss(self):
        weight_loss = 0
        for i in range(self.order_1):
            weight_loss = weight_loss + self.args.lambd * torch.sum(self.upper_layers[i].weight_matrix ** 2)
        for i in range(self.order_2):
            weight_loss = weight_loss + self.args.lambd * torch.sum(self.bottom_layers[i].weight_matrix ** 2)
        return weight_loss

    def forward(self, normalized_adjacency_matrix, features):
        abstract_1 = torch.cat([self.upper_layers[i](normalized_adjacency_matrix, features) for i in range(self.order_1)], dim=1)
        abstract_2 = torch.cat([self.bottom_layers[i](normalized_adjacency_matrix, abstract_1) for i in range(self.order_2)], dim=1)
        return torch.nn.functional.log_softmax(self.fully_connected(abstract_2), dim=1)


class Trainer(object):
    def __init__(self, args, graph, features, target):
        self.args = args
        self.features = features
        self.target = target
        self.ncount = self.features["dimensions"][0]
        self.propagation_matrix = create_propagator_matrix(graph)
        nodes = list(range(self.ncount))
        random.seed(self.args.seed)
        random.shuffle(nodes)
        self.train_nodes = torch.LongTensor(nodes[0:self.args.training_size])
        self.validation_nodes = torch.LongTensor(nodes[self.args.training_size:])
        self.model = MixHopNetwork(self.args, self.features["dimensions"][1], torch.max(self.target).item() + 1)

    def score(self, indices):
        self.model.eval()
        _, prediction = self.model(self.propagation_matrix, self.features).max(dim=1)
        return prediction[indices].eq(self.target[indices]).sum().item() / indices.shape[0]

    def fit(self):
        epochs = trange(self.args.epochs, desc="Accuracy")
        self.optimizer = torch.optim.Adam(self.model.parameters(), lr=self.args.learning_rate)
        for epoch in epochs:
            self.model.train()
            self.optimizer.zero_grad()
            prediction = self.model(self.propagation_matrix, self.features)
            loss = torch.nn.functional.nll_loss(prediction[self.train_nodes], self.target[self.train_nodes])
            weight_loss = self.model.calculate_loss()  # expect: WD104
            loss.backward()
            self.optimizer.step()
            accuracy = self.score(self.validation_nodes)
            epochs.set_description("Validation Accuracy: %g | weight loss: %g" % (round(accuracy, 4), weight_loss.item()))
