# Idiom seen in: benedekrozemberczki/ClusterGCN src/clustergcn.py
# What it reproduces: the trainer builds a StackedGCN on the partitioned graph and trains one METIS cluster
# per step with Adam(lr) and no decay; the loss is the NLL on the cluster's training nodes. Clean.
import random

import torch
from tqdm import trange
from sklearn.metrics import f1_score

from layers import StackedGCN


class ClusterGCNTrainer(object):
    def __init__(self, args, clustering_machine):
        self.args = args
        self.clustering_machine = clustering_machine
        self.device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
        self.create_model()

    def create_model(self):
        self.model = StackedGCN(self.args, self.clustering_machine.feature_count,
                                self.clustering_machine.class_count)
        self.model = self.model.to(self.device)

    def do_forward_pass(self, cluster):
        edges = self.clustering_machine.sg_edges[cluster].to(self.device)
        train_nodes = self.clustering_machine.sg_train_nodes[cluster].to(self.device)
        features = self.clustering_machine.sg_features[cluster].to(self.device)
        target = self.clustering_machine.sg_targets[cluster].to(self.device).squeeze()
        predictions = self.model(edges, features)
        average_loss = torch.nn.functional.nll_loss(predictions[train_nodes], target[train_nodes])
        node_count = train_nodes.shape[0]
        return average_loss, node_count

    def update_average_loss(self, batch_average_loss, node_count):
        self.accumulated_training_loss = self.accumulated_training_loss + batch_average_loss.item() * node_count
        self.node_count_seen = self.node_count_seen + node_count
        return self.accumulated_training_loss / self.node_count_seen

    def train(self):
        print("Training started.\n")
        epochs = trange(self.args.epochs, desc="Train Loss")
        self.optimizer = torch.optim.Adam(self.model.parameters(), lr=self.args.learning_rate)
        self.model.train()
        for _ in epochs:
            random.shuffle(self.clustering_machine.clusters)
            self.node_count_seen = 0
            self.accumulated_training_loss = 0
            for cluster in self.clustering_machine.clusters:
                self.optimizer.zero_grad()
                batch_average_loss, node_count = self.do_forward_pass(cluster)
                batch_average_loss.backward()
                self.optimizer.step()
                average_loss = self.update_average_loss(batch_average_loss, node_count)
            epochs.set_description("Train Loss: %g" % round(average_loss, 4))

    def test(self):
        self.model.eval()
        self.predictions, self.targets = [], []
        for cluster in self.clustering_machine.clusters:
            edges = self.clustering_machine.sg_edges[cluster].to(self.device)
            test_nodes = self.clustering_machine.sg_test_nodes[cluster].to(self.device)
            features = self.clustering_machine.sg_features[cluster].to(self.device)
            target = self.clustering_machine.sg_targets[cluster].to(self.device).squeeze()
            prediction = self.model(edges, features)[test_nodes]
            self.predictions.append(prediction.cpu().detach().numpy())
            self.targets.append(target[test_nodes].cpu().detach().numpy())
        score = f1_score([t for b in self.targets for t in b],
                         [p.argmax() for b in self.predictions for p in b], average="micro")
        print("\nF-1 score: {:.4f}".format(score))
