# Idiom seen in: bjzhb666/Continual-Learning-Benchmark agents/default.py
# What it reproduces: the NormalNN agent's init_optimizer() from an agent_config dict, with the kwargs dict built
#   from parameter groups (1-D tensors undecayed) and the class fixed to SGD with momentum in the config: clean.
import torch
import torch.nn as nn

from dataloaders.datasetGen import SplitGen
from dataloaders import base


class MLP(nn.Module):
    def __init__(self, in_dim=1024, hidden_dim=400, out_dim=10):
        super().__init__()
        self.linear = nn.Sequential(nn.Linear(in_dim, hidden_dim), nn.BatchNorm1d(hidden_dim), nn.ReLU(),
                                    nn.Linear(hidden_dim, hidden_dim), nn.BatchNorm1d(hidden_dim), nn.ReLU())
        self.last = nn.Linear(hidden_dim, out_dim)

    def forward(self, x):
        return self.last(self.linear(x.view(x.size(0), -1)))


class NormalNN(nn.Module):
    def __init__(self, agent_config):
        super().__init__()
        self.config = agent_config
        self.model = MLP(out_dim=agent_config['out_dim'])
        self.criterion_fn = nn.CrossEntropyLoss()
        self.init_optimizer()

    def param_groups(self):
        decay = [p for p in self.model.parameters() if p.ndim > 1]
        no_decay = [p for p in self.model.parameters() if p.ndim <= 1]
        return [{'params': decay, 'weight_decay': self.config['weight_decay']},
                {'params': no_decay, 'weight_decay': 0.0}]

    def init_optimizer(self):
        optimizer_arg = {'params': self.param_groups(),
                         'lr': self.config['lr']}
        if self.config['optimizer'] in ['SGD', 'RMSprop']:
            optimizer_arg['momentum'] = self.config['momentum']
        self.optimizer = torch.optim.__dict__[self.config['optimizer']](**optimizer_arg)
        self.scheduler = torch.optim.lr_scheduler.MultiStepLR(self.optimizer, milestones=self.config['schedule'],
                                                              gamma=0.1)

    def update_model(self, inputs, targets):
        loss = self.criterion_fn(self.model(inputs), targets)
        self.optimizer.zero_grad()
        loss.backward()
        self.optimizer.step()
        return loss.detach()

    def learn_batch(self, train_loader):
        for epoch in range(self.config['schedule'][-1]):
            self.model.train()
            for inputs, target, task in train_loader:
                self.update_model(inputs, target)
            self.scheduler.step()


if __name__ == '__main__':
    agent_config = {'lr': 0.1, 'momentum': 0.9, 'weight_decay': 1e-4, 'schedule': [2, 4],
                    'optimizer': 'SGD', 'out_dim': 10}
    agent = NormalNN(agent_config)
    train_dataset, val_dataset = base.MNIST('data', False)
    train_splits, val_splits, task_output_space = SplitGen(train_dataset, val_dataset, first_split_sz=2,
                                                           other_split_sz=2, remap_class=True)
    for name in sorted(task_output_space, key=int):
        loader = torch.utils.data.DataLoader(train_splits[name], batch_size=128, shuffle=True)
        agent.learn_batch(loader)
