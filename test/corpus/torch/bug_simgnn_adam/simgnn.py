# Idiom seen in: benedekrozemberczki/SimGNN src/simgnn.py
# Idiom seen in: benedekrozemberczki/SimGNN src/param_parser.py
# What it reproduces: SimGNNTrainer.fit builds Adam(model.parameters(), weight_decay=args.weight_decay) with the
#   argparse default 5*10**-4 (real repo): coupled L2 under Adam, and the Linear/GCN biases are decayed too.
import glob
import random

import torch
from torch_geometric.nn import GCNConv
from tqdm import tqdm, trange

from utils import process_pair, transfer_to_torch


class AttentionModule(torch.nn.Module):
    def __init__(self, args):
        super().__init__()
        self.weight_matrix = torch.nn.Parameter(torch.Tensor(args.filters_3, args.filters_3))
        torch.nn.init.xavier_uniform_(self.weight_matrix)

    def forward(self, embedding):
        global_context = torch.tanh(torch.mean(torch.matmul(embedding, self.weight_matrix), dim=0))
        sigmoid_scores = torch.sigmoid(torch.mm(embedding, global_context.view(-1, 1)))
        return torch.mm(torch.t(embedding), sigmoid_scores)


class SimGNN(torch.nn.Module):
    def __init__(self, args, number_of_labels):
        super().__init__()
        self.args = args
        self.convolution_1 = GCNConv(number_of_labels, args.filters_1)
        self.convolution_2 = GCNConv(args.filters_1, args.filters_2)
        self.convolution_3 = GCNConv(args.filters_2, args.filters_3)
        self.attention = AttentionModule(args)
        self.tensor_layer = torch.nn.Bilinear(args.filters_3, args.filters_3, args.tensor_neurons)
        self.fully_connected_first = torch.nn.Linear(args.tensor_neurons, args.bottle_neck_neurons)
        self.scoring_layer = torch.nn.Linear(args.bottle_neck_neurons, 1)

    def convolutional_pass(self, edge_index, features):
        features = torch.relu(self.convolution_1(features, edge_index))
        features = torch.nn.functional.dropout(features, p=self.args.dropout, training=self.training)
        features = torch.relu(self.convolution_2(features, edge_index))
        return self.convolution_3(features, edge_index)

    def forward(self, data):
        f1 = self.convolutional_pass(data["edge_index_1"], data["features_1"])
        f2 = self.convolutional_pass(data["edge_index_2"], data["features_2"])
        p1, p2 = self.attention(f1), self.attention(f2)
        scores = torch.relu(self.tensor_layer(p1.t(), p2.t()))
        scores = torch.relu(self.fully_connected_first(scores))
        return torch.sigmoid(self.scoring_layer(scores))


class SimGNNTrainer(object):
    def __init__(self, args):
        self.args = args
        self.training_graphs = glob.glob(args.training_graphs + "*.json")
        self.global_labels = {}
        for graph_pair in tqdm(self.training_graphs):
            data = process_pair(graph_pair)
            for label in data["labels_1"] + data["labels_2"]:
                self.global_labels.setdefault(label, len(self.global_labels))
        self.model = SimGNN(args, len(self.global_labels))

    def create_batches(self):
        random.shuffle(self.training_graphs)
        return [self.training_graphs[g:g + self.args.batch_size]
                for g in range(0, len(self.training_graphs), self.args.batch_size)]

    def process_batch(self, batch):
        self.optimizer.zero_grad()
        losses = 0
        for graph_pair in batch:
            data = transfer_to_torch(process_pair(graph_pair), self.global_labels)
            prediction = self.model(data)
            losses = losses + torch.nn.functional.mse_loss(data["target"], prediction.view(-1))
        losses.backward(retain_graph=True)
        self.optimizer.step()
        return losses.item()

    def fit(self):
        print("\nModel training.\n")
        self.optimizer = torch.optim.Adam(self.model.parameters(), lr=self.args.learning_rate, weight_decay=self.args.weight_decay)  # expect: WD202, WD203
        self.model.train()
        epochs = trange(self.args.epochs, leave=True, desc="Epoch")
        for epoch in epochs:
            loss_sum, index = 0, 0
            for batch in self.create_batches():
                loss_sum += self.process_batch(batch)
                index += len(batch)
            epochs.set_description("Epoch (Loss=%g)" % round(loss_sum / index, 5))
