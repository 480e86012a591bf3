# Idiom seen in: benedekrozemberczki/APPNP src/appnp.py
# What it reproduces: APPNP's trainer penalizes only the output layer, loss = loss + (lambd/2)*sum(W2**2), before
#   loss.backward(); Adam is built without weight_decay, so this penalty is the model's only decay and it reaches
#   the optimized loss. Clean.
import argparse
import random

import torch
from tqdm import trange

from appnp_layer import APPNPModel
from utils import graph_reader, feature_reader, target_reader, create_propagator_matrix


class APPNPTrainer(object):
    def __init__(self, args, graph, features, target):
        self.device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
        self.args = args
        self.feature_indices, self.feature_values, number_of_features = features
        self.target = torch.LongTensor(target).to(self.device)
        propagator = create_propagator_matrix(graph, args.alpha, args.model).to(self.device)
        number_of_labels = int(self.target.max().item()) + 1
        self.model = APPNPModel(args, number_of_labels, number_of_features, propagator).to(self.device)
        nodes = list(range(graph.number_of_nodes()))
        random.seed(args.seed)
        random.shuffle(nodes)
        self.train_nodes = torch.LongTensor(nodes[:args.train_size]).to(self.device)
        self.validation_nodes = torch.LongTensor(nodes[args.train_size:]).to(self.device)

    def score(self, index_set):
        self.model.eval()
        _, pred = self.model(self.feature_indices, self.feature_values).max(dim=1)
        return pred[index_set].eq(self.target[index_set]).sum().item() / index_set.size()[0]

    def do_a_step(self):
        self.model.train()
        self.optimizer.zero_grad()
        prediction = self.model(self.feature_indices, self.feature_values)
        loss = torch.nn.functional.nll_loss(prediction[self.train_nodes], self.target[self.train_nodes])
        loss = loss + (self.args.lambd / 2) * (torch.sum(self.model.layer_2.weight_matrix ** 2))
        loss.backward()
        self.optimizer.step()
        return loss.item()

    def fit(self):
        self.optimizer = torch.optim.Adam(self.model.parameters(), lr=self.args.learning_rate)
        best = 0.0
        iterator = trange(self.args.epochs, desc="Validation accuracy: ", leave=True)
        for _ in iterator:
            self.do_a_step()
            accuracy = self.score(self.validation_nodes)
            best = max(best, accuracy)
            iterator.set_description("Validation accuracy: {:.4f}".format(accuracy))
        print("Best validation accuracy: {:.4f}".format(best))


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="Run PPNP/APPNP.")
    parser.add_argument("--edge-path", default="./input/cora_edges.csv")
    parser.add_argument("--features-path", default="./input/cora_features.json")
    parser.add_argument("--target-path", default="./input/cora_target.csv")
    parser.add_argument("--model", default="exact")
    parser.add_argument("--epochs", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--train-size", type=int, default=1500)
    parser.add_argument("--alpha", type=float, default=0.1)
    parser.add_argument("--learning-rate", type=float, default=0.01)
    parser.add_argument("--lambd", type=float, default=0.005)
    args = parser.parse_args()
    trainer = APPNPTrainer(args, graph_reader(args.edge_path), feature_reader(args.features_path),
                           target_reader(args.target_path))
    trainer.fit()
