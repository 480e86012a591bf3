# Idiom seen in: shaoxiongji/federated-learning models/Update.py
# What it reproduces: user's change to the repo's LocalUpdate: the per-round local SGD is given
# weight_decay=args.wd on all net.parameters() (WD203) and the local loss also adds args.l2 * sum of
# squared parameter norms, so every client decays the same weights twice (WD201 on the penalty).
import torch
from torch import nn
from torch.utils.data import DataLoader, Dataset


class DatasetSplit(Dataset):
    def __init__(self, dataset, idxs):
        self.dataset = dataset
        self.idxs = list(idxs)

    def __len__(self):
        return len(self.idxs)

    def __getitem__(self, item):
        image, label = self.dataset[self.idxs[item]]
        return image, label


class LocalUpdate(object):
    def __init__(self, args, dataset=None, idxs=None):
        self.args = args
        self.loss_func = nn.CrossEntropyLoss()
        self.ldr_train = DataLoader(DatasetSplit(dataset, idxs), batch_size=self.args.local_bs, shuffle=True)

    def train(self, net):
        net.train()
        optimizer = torch.optim.SGD(net.parameters(), lr=self.args.lr, momentum=self.args.momentum,  # expect: WD203
                                    weight_decay=self.args.wd)
        epoch_loss = []
        for it in range(self.args.local_ep):
            batch_loss = []
            for batch_idx, (images, labels) in enumerate(self.ldr_train):
                images, labels = images.to(self.args.device), labels.to(self.args.device)
                net.zero_grad()
                log_probs = net(images)
                loss = self.loss_func(log_probs, labels)
                l2_reg = sum(p.norm(2) ** 2 for p in net.parameters())  # expect: WD201
                loss = loss + self.args.l2 * l2_reg
                loss.backward()
                optimizer.step()
                batch_loss.append(loss.item())
            epoch_loss.append(sum(batch_loss) / len(batch_loss))
        return net.state_dict(), sum(epoch_loss) / len(epoch_loss)
