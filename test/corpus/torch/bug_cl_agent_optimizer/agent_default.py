# Idiom seen in: bjzhb666/Continual-Learning-Benchmark agents/default.py
# What it reproduces: continual-learning agents built from an agent_config dict; the optimizer class is looked
#   up by name (default Adam) and given 'weight_decay' in a kwargs dict with all of model.parameters():
#   coupled L2 under Adam and decay on biases/BatchNorm. The EWC penalty is a pull to old weights, not decay.
import torch
import torch.nn as nn

from models import MLP400


class NormalNN(nn.Module):
    def __init__(self, agent_config):
        super(NormalNN, self).__init__()
        self.log = print if agent_config['print_freq'] > 0 else (lambda *args: None)
        self.config = agent_config
        self.model = self.create_model()
        self.criterion_fn = nn.CrossEntropyLoss()
        self.gpu = agent_config['gpuid'][0] >= 0
        if self.gpu:
            self.model = self.model.cuda()
        self.init_optimizer()
        self.reset_optimizer = False

    def init_optimizer(self):
        optimizer_arg = {'params': self.model.parameters(),  # expect: WD203
                         'lr': self.config['lr'],
                         'weight_decay': self.config['weight_decay']}  # expect: WD202
        if self.config['optimizer'] in ['SGD', 'RMSprop']:
            optimizer_arg['momentum'] = self.config['momentum']
        elif self.config['optimizer'] in ['Rprop']:
            optimizer_arg.pop('weight_decay')
        elif self.config['optimizer'] == 'amsgrad':
            optimizer_arg['amsgrad'] = True
            self.config['optimizer'] = 'Adam'
        self.optimizer = torch.optim.__dict__[self.config['optimizer']](**optimizer_arg)
        self.scheduler = torch.optim.lr_scheduler.MultiStepLR(self.optimizer,
                                                              milestones=self.config['schedule'], gamma=0.1)

    def create_model(self):
        model = MLP400(out_dim=self.config['out_dim']['All'])
        return model

    def forward(self, x):
        return self.model.forward(x)

    def criterion(self, preds, targets, tasks, **kwargs):
        return self.criterion_fn(preds, targets)

    def update_model(self, inputs, targets, tasks):
        out = self.forward(inputs)
        loss = self.criterion(out, targets, tasks)
        self.optimizer.zero_grad()
        loss.backward()
        self.optimizer.step()
        return loss.detach(), out

    def validation(self, dataloader):
        self.model.eval()
        correct, total = 0, 0
        with torch.no_grad():
            for inputs, target, task in dataloader:
                if self.gpu:
                    inputs, target = inputs.cuda(), target.cuda()
                correct += (self.forward(inputs).argmax(1) == target).sum().item()
                total += target.numel()
        self.model.train()
        return 100.0 * correct / max(total, 1)

    def learn_batch(self, train_loader, val_loader=None):
        if self.reset_optimizer:
            self.log('Optimizer is reset!')
            self.init_optimizer()
        for epoch in range(self.config['schedule'][-1]):
            self.model.train()
            for inputs, target, task in train_loader:
                if self.gpu:
                    inputs, target = inputs.cuda(), target.cuda()
                loss, output = self.update_model(inputs, target, task)
            self.scheduler.step()
            if val_loader is not None:
                self.log(' * Val Acc {:.3f}'.format(self.validation(val_loader)))

    def count_parameter(self):
        return sum(p.numel() for p in self.model.parameters())
