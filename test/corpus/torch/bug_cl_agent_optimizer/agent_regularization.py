# Idiom seen in: bjzhb666/Continual-Learning-Benchmark agents/default.py
# What it reproduces: continual-learning agents built from an agent_config dict; the optimizer class is looked
#   up by name (default Adam) and given 'weight_decay' in a kwargs dict with all of model.parameters():
#   coupled L2 under Adam and decay on biases/BatchNorm. The EWC penalty is a pull to old weights, not decay.
import torch

from agent_default import NormalNN


class L2(NormalNN):
    """Quadratic pull towards the parameters learned on earlier tasks."""

    def __init__(self, agent_config):
        super(L2, self).__init__(agent_config)
        self.params = {n: p for n, p in self.model.named_parameters() if p.requires_grad}
        self.regularization_terms = {}
        self.task_count = 0
        self.online_reg = True

    def calculate_importance(self, dataloader):
        return {n: p.clone().detach().fill_(1) for n, p in self.params.items()}

    def learn_batch(self, train_loader, val_loader=None):
        super(L2, self).learn_batch(train_loader, val_loader)
        self.task_count += 1
        task_param = {n: p.clone().detach() for n, p in self.params.items()}
        importance = self.calculate_importance(train_loader)
        self.regularization_terms[1 if self.online_reg else self.task_count] = {
            'importance': importance, 'task_param': task_param}

    def reg_loss(self):
        reg_loss = 0
        for i, reg_term in self.regularization_terms.items():
            task_reg_loss = 0
            importance = reg_term['importance']
            task_param = reg_term['task_param']
            for n, p in self.params.items():
                task_reg_loss += (importance[n] * (p - task_param[n]) ** 2).sum()
            reg_loss += task_reg_loss
        return self.config['reg_coef'] * reg_loss

    def criterion(self, inputs, targets, tasks, regularization=True, **kwargs):
        loss = super(L2, self).criterion(inputs, targets, tasks, **kwargs)
        if regularization and len(self.regularization_terms) > 0:
            loss += self.reg_loss()
        return loss


class EWC(L2):
    def calculate_importance(self, dataloader):
        self.log('Computing EWC')
        importance = {n: p.clone().detach().fill_(0) for n, p in self.params.items()}
        mode = self.model.training
        self.model.eval()
        for inputs, target, task in dataloader:
            if self.gpu:
                inputs, target = inputs.cuda(), target.cuda()
            preds = self.forward(inputs)
            pred = preds.max(1)[1].flatten()
            loss = self.criterion(preds, pred, task, regularization=False)
            self.model.zero_grad()
            loss.backward()
            for n, p in importance.items():
                if self.params[n].grad is not None:
                    p += (self.params[n].grad ** 2) * len(inputs) / len(dataloader)
        self.model.train(mode=mode)
        return importance
