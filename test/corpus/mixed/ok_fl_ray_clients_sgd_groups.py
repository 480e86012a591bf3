# Idiom seen in: adam-narozniak/FL-heterogeneity heterogeneity/fl/ml.py
# Idiom seen in: adam-narozniak/FL-heterogeneity heterogeneity/fl/fl_loop_fnc.py
# Idiom seen in: adam-narozniak/FL-heterogeneity heterogeneity/fl/model.py
# What it reproduces: Ray-remote federated clients (flwr-datasets partitions, FedAvg on the server) whose
# local train() switches to the SGD(momentum=0.9, weight_decay=1e-5) the repo leaves commented out, with
# the biases put in a weight_decay=0.0 group; plain SGD-with-momentum decay at lr*wd = 1e-7: clean.
from collections import OrderedDict

import numpy as np
import ray
import torch
import torch.nn as nn
import torch.nn.functional as F
from flwr_datasets import FederatedDataset
from torch.utils.data import DataLoader

from heterogeneity.fl.data import create_apply_transforms, predefined_transforms  # not part of this workspace

DEVICE = torch.device("cuda:0" if torch.cuda.is_available() else "cpu")


class CNNNet(nn.Module):
    def __init__(self, num_classes) -> None:
        super(CNNNet, self).__init__()
        self.conv1 = nn.Conv2d(3, 6, 5)
        self.pool = nn.MaxPool2d(2, 2)
        self.conv2 = nn.Conv2d(6, 16, 5)
        self.fc1 = nn.Linear(16 * 5 * 5, 120)
        self.fc2 = nn.Linear(120, 84)
        self.fc3 = nn.Linear(84, num_classes)

    def forward(self, x):
        x = self.pool(F.relu(self.conv1(x)))
        x = self.pool(F.relu(self.conv2(x)))
        x = x.view(-1, 16 * 5 * 5)
        x = F.relu(self.fc1(x))
        x = F.relu(self.fc2(x))
        return self.fc3(x)


def get_weights(net):
    return [val.cpu().numpy() for _, val in net.state_dict().items()]


def set_weights(net, parameters):
    state_dict = OrderedDict({k: torch.tensor(v) for k, v in zip(net.state_dict().keys(), parameters)})
    net.load_state_dict(state_dict, strict=True)


def fedavg(weights_list, num_samples_list):
    total = sum(num_samples_list)
    return [sum(w[i] * n for w, n in zip(weights_list, num_samples_list)) / total
            for i in range(len(weights_list[0]))]


@ray.remote(num_cpus=1)
def train(net, trainloader, epochs, features_name="img", label_name="label"):
    """Train the model on the client's partition."""
    net.to(DEVICE)
    criterion = torch.nn.CrossEntropyLoss(reduction="sum")
    decay = [p for n, p in net.named_parameters() if p.ndim > 1]
    no_decay = [p for n, p in net.named_parameters() if p.ndim <= 1]
    optimizer = torch.optim.SGD([{"params": decay, "weight_decay": 0.00001},
                                 {"params": no_decay, "weight_decay": 0.0}],
                                lr=0.01, momentum=0.9)
    net.train()
    train_loss = 0.0
    num_examples = len(trainloader.dataset)
    for _ in range(epochs):
        for batch in trainloader:
            images = batch[features_name].to(DEVICE)
            labels = batch[label_name].to(DEVICE)
            optimizer.zero_grad()
            loss = criterion(net(images), labels)
            loss.backward()
            optimizer.step()
            train_loss += loss.item()
    return get_weights(net), num_examples, {"train_loss": train_loss / (num_examples * epochs)}


def run_fl_experiment(communication_rounds=50, n_clients_per_round=10, num_partitions=100, seed=42):
    fds = FederatedDataset(dataset="cifar10", partitioners={"train": num_partitions})
    apply_transforms = create_apply_transforms(predefined_transforms["rgb"])
    trainloaders = [DataLoader(fds.load_partition(i).with_transform(apply_transforms), batch_size=32, shuffle=True)
                    for i in range(num_partitions)]
    net = CNNNet(num_classes=10)
    ray.init()
    rng = np.random.default_rng(seed=seed)
    for rnd in range(1, communication_rounds + 1):
        clients = rng.choice(range(num_partitions), size=n_clients_per_round, replace=False)
        results = ray.get([train.remote(net=net, trainloader=trainloaders[c], epochs=1) for c in clients])
        set_weights(net, fedavg([r[0] for r in results], [r[1] for r in results]))
        print(f"round {rnd}: mean client loss {np.mean([r[2]['train_loss'] for r in results]):.4f}")
    ray.shutdown()
    return net


if __name__ == "__main__":
    run_fl_experiment()
