# Idiom seen in: lemonhu/NER-BERT-pytorch train.py
# Idiom seen in: lemonhu/NER-BERT-pytorch utils.py
# What it reproduces: the repo builds BERT no_decay groups but hands them to torch.optim.Adam with the key
#   "weight_decay_rate" (ignored by torch); a user who "fixes" the key to "weight_decay" gets coupled L2
#   through Adam on the decayed group (user change to the real code).
"""Train and evaluate the model"""
import argparse
import logging
import os
import random

import torch
import torch.nn as nn
from pytorch_pretrained_bert import BertForTokenClassification
from torch.optim import Adam
from torch.optim.lr_scheduler import LambdaLR
from tqdm import trange

import utils
from data_loader import DataLoader  # not part of this folder
from evaluate import evaluate  # not part of this folder

parser = argparse.ArgumentParser()
parser.add_argument('--data_dir', default='data/msra', help="Directory containing the dataset")
parser.add_argument('--bert_model_dir', default='bert-base-chinese-pytorch')
parser.add_argument('--model_dir', default='experiments/base_model', help="Directory containing params.json")
parser.add_argument('--seed', type=int, default=2019)


def train(model, data_iterator, optimizer, scheduler, params):
    model.train()
    scheduler.step()
    loss_avg = utils.RunningAverage()
    t = trange(params.train_steps)
    for i in t:
        batch_data, batch_tags = next(data_iterator)
        batch_masks = batch_data.gt(0)
        loss = model(batch_data, token_type_ids=None, attention_mask=batch_masks, labels=batch_tags)
        model.zero_grad()
        loss.backward()
        nn.utils.clip_grad_norm_(parameters=model.parameters(), max_norm=params.clip_grad)
        optimizer.step()
        loss_avg.update(loss.item())
        t.set_postfix(loss='{:05.3f}'.format(loss_avg()))


if __name__ == '__main__':
    args = parser.parse_args()
    params = utils.Params(os.path.join(args.model_dir, 'params.json'))
    params.device = torch.device('cuda' if torch.cuda.is_available() else 'cpu')
    random.seed(args.seed)
    torch.manual_seed(args.seed)
    utils.set_logger(os.path.join(args.model_dir, 'train.log'))

    data_loader = DataLoader(args.data_dir, args.bert_model_dir, params, token_pad_idx=0)
    train_data = data_loader.load_data('train')
    val_data = data_loader.load_data('val')
    params.train_size, params.val_size = train_data['size'], val_data['size']

    model = BertForTokenClassification.from_pretrained(args.bert_model_dir, num_labels=len(params.tag2idx))
    model.to(params.device)

    if params.full_finetuning:
        param_optimizer = list(model.named_parameters())
        no_decay = ['bias', 'LayerNorm.bias', 'LayerNorm.weight']
        optimizer_grouped_parameters = [
            {'params': [p for n, p in param_optimizer if not any(nd in n for nd in no_decay)],
             'weight_decay': 0.01},  # expect: WD202
            {'params': [p for n, p in param_optimizer if any(nd in n for nd in no_decay)],
             'weight_decay': 0.0}
        ]
    else:
        param_optimizer = list(model.classifier.named_parameters())
        optimizer_grouped_parameters = [{'params': [p for n, p in param_optimizer]}]
    optimizer = Adam(optimizer_grouped_parameters, lr=params.learning_rate)
    scheduler = LambdaLR(optimizer, lr_lambda=lambda epoch: 1 / (1 + 0.05 * epoch))

    logging.info("Starting training for {} epoch(s)".format(params.epoch_num))
    best_val_f1 = 0.0
    for epoch in range(1, params.epoch_num + 1):
        params.train_steps = params.train_size // params.batch_size
        params.eval_steps = params.val_size // params.batch_size
        train(model, data_loader.data_iterator(train_data, shuffle=True), optimizer, scheduler, params)
        val_metrics = evaluate(model, data_loader.data_iterator(val_data, shuffle=False), params, mark='Val')
        is_best = val_metrics['f1'] > best_val_f1
        best_val_f1 = max(best_val_f1, val_metrics['f1'])
        utils.save_checkpoint({'epoch': epoch + 1, 'state_dict': model.state_dict(),
                               'optim_dict': optimizer.state_dict()}, is_best=is_best, checkpoint=args.model_dir)
