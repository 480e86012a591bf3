# Idiom seen in: ai-med/quickNAT_pytorch quickNat_pytorch/solver.py
# What it reproduces: the repo's Solver merges default_optim_args (with "weight_decay": 0.00001) into the
#   kwargs of torch.optim.Adam over model.parameters(): coupled L2 under Adam, on biases and BatchNorm too.
import os

import torch
from torch.optim import lr_scheduler

from log_utils import LogWriter
from losses import CombinedLoss


class Solver(object):
    # global optimiser parameters
    default_optim_args = {"lr": 1e-2,
                          "betas": (0.9, 0.999),
                          "eps": 1e-8,
                          "weight_decay": 0.00001}  # expect: WD202

    def __init__(self, model, device, num_class, optim=torch.optim.Adam, optim_args={},
                 loss_func=CombinedLoss(), model_name='quicknat', num_epochs=10, log_nth=5,
                 exp_dir_name='exp_default', log_dir_name='logs',
                 lr_scheduler_step_size=5, lr_scheduler_gamma=0.5):
        self.device = device
        self.model = model
        self.loss_func = loss_func
        self.model_name = model_name
        self.num_epochs = num_epochs

        optim_args_merged = self.default_optim_args.copy()
        optim_args_merged.update(optim_args)
        self.optim = optim(model.parameters(), **optim_args_merged)  # expect: WD203
        self.scheduler = lr_scheduler.StepLR(self.optim, step_size=lr_scheduler_step_size,
                                             gamma=lr_scheduler_gamma)
        self.log_nth = log_nth
        self.exp_dir_name = exp_dir_name
        self.logWriter = LogWriter(num_class, log_dir_name, exp_dir_name)
        os.makedirs(os.path.join('models', exp_dir_name), exist_ok=True)

    def train(self, train_loader, val_loader):
        model, optim, scheduler = self.model, self.optim, self.scheduler
        dataloaders = {'train': train_loader, 'val': val_loader}
        if torch.cuda.is_available():
            model.cuda(self.device)

        for epoch in range(1, self.num_epochs + 1):
            for phase in ['train', 'val']:
                loss_arr = []
                model.train(phase == 'train')
                for i_batch, (X, y, w) in enumerate(dataloaders[phase]):
                    y = y.type(torch.LongTensor)
                    if model.is_cuda:
                        X, y, w = X.cuda(self.device), y.cuda(self.device), w.cuda(self.device)
                    output = model(X)
                    loss = self.loss_func(output, y, w)
                    if phase == 'train':
                        optim.zero_grad()
                        loss.backward()
                        optim.step()
                        if i_batch % self.log_nth == 0:
                            self.logWriter.loss_per_iter(loss.item(), i_batch)
                    loss_arr.append(loss.item())
                self.logWriter.loss_per_epoch(loss_arr, phase, epoch)
            scheduler.step()
            model.save('models/' + self.exp_dir_name + '/quicknat_epoch' + str(epoch) + '.model')
        self.logWriter.close()
