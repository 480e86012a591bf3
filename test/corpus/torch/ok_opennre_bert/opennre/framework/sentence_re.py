# Idiom seen in: thunlp/OpenNRE opennre/framework/sentence_re.py
# What it reproduces: the training framework chooses its optimizer by the `opt` string: SGD/Adam with
#   weight_decay, or (for BERT) transformers' AdamW with the usual no_decay = bias/LayerNorm groups. Every
#   caller in this workspace passes opt='adamw', so only the grouped AdamW is ever built. Clean.
import os

import torch
from torch import nn, optim
from tqdm import tqdm

from .data_loader import SentenceRELoader
from .utils import AverageMeter


class SentenceRE(nn.Module):

    def __init__(self, model, train_path, val_path, test_path, ckpt, batch_size=32, max_epoch=100, lr=0.1,
                 weight_decay=1e-5, opt='sgd'):
        super().__init__()
        self.max_epoch = max_epoch
        self.train_loader = SentenceRELoader(train_path, model.rel2id, model.sentence_encoder.tokenize,
                                             batch_size, True)
        self.val_loader = SentenceRELoader(val_path, model.rel2id, model.sentence_encoder.tokenize,
                                           batch_size, False)
        self.test_loader = SentenceRELoader(test_path, model.rel2id, model.sentence_encoder.tokenize,
                                            batch_size, False)
        self.model = model
        self.parallel_model = nn.DataParallel(self.model)
        self.criterion = nn.CrossEntropyLoss()
        params = self.parameters()
        self.lr = lr
        if opt == 'sgd':
            self.optimizer = optim.SGD(params, lr, weight_decay=weight_decay)
        elif opt == 'adam':
            self.optimizer = optim.Adam(params, lr, weight_decay=weight_decay)
        elif opt == 'adamw':  # Optimizer for BERT
            from transformers import AdamW
            params = list(self.named_parameters())
            no_decay = ['bias', 'LayerNorm.bias', 'LayerNorm.weight']
            grouped_params = [
                {
                    'params': [p for n, p in params if not any(nd in n for nd in no_decay)],
                    'weight_decay': 0.01,
                    'lr': lr,
                    'ori_lr': lr
                },
                {
                    'params': [p for n, p in params if any(nd in n for nd in no_decay)],
                    'weight_decay': 0.0,
                    'lr': lr,
                    'ori_lr': lr
                }
            ]
            self.optimizer = AdamW(grouped_params, correct_bias=False)
        else:
            raise Exception("Invalid optimizer. Must be 'sgd' or 'adam' or 'adamw'.")
        self.ckpt = ckpt

    def train_model(self, metric='acc', warmup=True):
        best_metric = 0
        global_step = 0
        for epoch in range(self.max_epoch):
            self.train()
            avg_loss = AverageMeter()
            for data in tqdm(self.train_loader):
                label, args = data[0], data[1:]
                logits = self.parallel_model(*args)
                loss = self.criterion(logits, label)
                avg_loss.update(loss.item(), 1)
                if warmup:
                    warmup_rate = min(1.0, float(global_step) / 300)
                    for param_group in self.optimizer.param_groups:
                        param_group['lr'] = self.lr * warmup_rate
                loss.backward()
                self.optimizer.step()
                self.optimizer.zero_grad()
                global_step += 1
            result = self.eval_model(self.val_loader)
            if result[metric] > best_metric:
                os.makedirs(os.path.dirname(self.ckpt) or '.', exist_ok=True)
                torch.save({'state_dict': self.model.state_dict()}, self.ckpt)
                best_metric = result[metric]
        return best_metric

    def eval_model(self, eval_loader):
        self.eval()
        pred_result = []
        with torch.no_grad():
            for data in eval_loader:
                logits = self.parallel_model(*data[1:])
                pred_result.extend(logits.argmax(-1).tolist())
        return eval_loader.dataset.eval(pred_result)

    def load_state_dict(self, state_dict):
        self.model.load_state_dict(state_dict)
