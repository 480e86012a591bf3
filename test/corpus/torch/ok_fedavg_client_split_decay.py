# Idiom seen in: shaoxiongji/federated-learning models/Update.py
# What it reproduces: FedAvg LocalUpdate that rebuilds its SGD every round; the client splits the
# parameters itself (ndim > 1 decayed, biases/BN not) and adds no explicit penalty. Clean.
import torch
from torch import nn
from torch.utils.data import DataLoader

from sampling import DatasetSplit


def client_param_groups(net, weight_decay):
    decay = [p for n, p in net.named_parameters() if p.ndim > 1]
    no_decay = [p for n, p in net.named_parameters() if p.ndim <= 1]
    return [{'params': decay, 'weight_decay': weight_decay},
            {'params': no_decay, 'weight_decay': 0.0}]


class LocalUpdate(object):
    def __init__(self, args, dataset=None, idxs=None):
        self.args = args
        self.loss_func = nn.CrossEntropyLoss()
        self.selected_clients = []
        self.ldr_train = DataLoader(DatasetSplit(dataset, idxs), batch_size=self.args.local_bs, shuffle=True)

    def train(self, net):
        net.train()
        optimizer = torch.optim.SGD(client_param_groups(net, self.args.weight_decay),
                                    lr=self.args.lr, momentum=self.args.momentum)
        epoch_loss = []
        for _ in range(self.args.local_ep):
            batch_loss = []
            for images, labels in self.ldr_train:
                images, labels = images.to(self.args.device), labels.to(self.args.device)
                net.zero_grad()
                loss = self.loss_func(net(images), labels)
                loss.backward()
                optimizer.step()
                batch_loss.append(loss.item())
            epoch_loss.append(sum(batch_loss) / len(batch_loss))
        return net.state_dict(), sum(epoch_loss) / len(epoch_loss)
