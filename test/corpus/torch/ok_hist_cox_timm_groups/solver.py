# Idiom seen in: Yelab2020/HiST src/ApplicationModule/solver.py
# What it reproduces: the TCGA survival solver: the learning rate is scaled by the loader sizes, the Cox model's
#   parameters are split by timm's optim_factory.add_weight_decay(cox_model, 0.05) (1-D tensors and biases get
#   weight_decay 0) and trained with AdamW and cosine annealing on the negative partial log-likelihood. Clean.
import os
from collections import OrderedDict

import pandas as pd
import torch
from torch.optim import lr_scheduler
import timm.optim.optim_factory as optim_factory
from torchsurv.loss.cox import neg_partial_log_likelihood
from torchsurv.metrics.cindex import ConcordanceIndex

from model import ConvNeXt_TCGA


class TCGA_Solver:
    def __init__(self, clinical_col=(), lr=1e-4, epochs=100, device='cuda', verbose=True, seed=42):
        self.clinical_col = clinical_col
        self.lr = lr
        self.epochs = epochs
        self.device = device
        self.verbose = verbose
        self.seed = seed

    def _train(self, train_loader, cox_model, optimizer, cox_loss):
        cox_model.train()
        total = 0.0
        for x, clinical, event, time in train_loader:
            x, clinical = x.to(self.device), clinical.to(self.device)
            out = cox_model(x, clinical)
            loss = cox_loss(out, event.to(self.device), time.to(self.device))
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            total += loss.item() * x.size(0)
        return OrderedDict([('loss', total / len(train_loader.dataset))])

    def _validate(self, val_loader, cox_model, cox_loss):
        cox_model.eval()
        cindex = ConcordanceIndex()
        outs, events, times = [], [], []
        with torch.no_grad():
            for x, clinical, event, time in val_loader:
                outs.append(cox_model(x.to(self.device), clinical.to(self.device)).cpu())
                events.append(event)
                times.append(time)
        out, event, time = torch.cat(outs), torch.cat(events), torch.cat(times)
        return OrderedDict([('loss', cox_loss(out, event, time).item()),
                            ('c_index', cindex(out, event, time).item())])

    def _fit(self, in_chans, train_loader, val_loader, out_dir):
        log = OrderedDict([('epoch', []), ('lr', []), ('loss', []), ('val_loss', []), ('c_index', [])])
        lr = self.lr * (len(train_loader) + len(val_loader)) / 256
        cox_model = ConvNeXt_TCGA(in_chans=in_chans, clinical_col=self.clinical_col).to(self.device)
        cox_loss = neg_partial_log_likelihood

        param_groups = optim_factory.add_weight_decay(cox_model, 0.05)
        optimizer = torch.optim.AdamW(param_groups, lr=lr, betas=(0.9, 0.95))
        scheduler = lr_scheduler.CosineAnnealingLR(optimizer, T_max=self.epochs, eta_min=1e-5)

        best_c_index = 0.0
        for epoch in range(self.epochs):
            train_metrics = self._train(train_loader, cox_model, optimizer, cox_loss)
            val_metrics = self._validate(val_loader, cox_model, cox_loss)
            scheduler.step()
            log['epoch'].append(epoch + 1)
            log['lr'].append(scheduler.get_last_lr()[0])
            log['loss'].append(train_metrics['loss'])
            log['val_loss'].append(val_metrics['loss'])
            log['c_index'].append(val_metrics['c_index'])
            pd.DataFrame(log).to_csv(os.path.join(out_dir, 'log.csv'), index=False)
            if val_metrics['c_index'] > best_c_index:
                best_c_index = val_metrics['c_index']
                torch.save(cox_model.state_dict(), os.path.join(out_dir, 'best_model.pth'))
            if self.verbose:
                print(f"Epoch: {epoch + 1:03}, Training loss: {train_metrics['loss']:0.4f}, "
                      f"Val loss: {val_metrics['loss']:0.4f}, C Index: {val_metrics['c_index']:0.4f}")
        return cox_model
