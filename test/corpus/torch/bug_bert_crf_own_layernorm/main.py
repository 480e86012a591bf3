# Idiom seen in: taishan1994/pytorch_bert_bilstm_crf_ner main.py
# What it reproduces: NER training entry; argparse hyper-parameters, model from bert_ner_model.py and
# the optimizer from trainUtils.build_optimizer_and_scheduler (whose split misses mid_norm).
import argparse

import torch

from bert_ner_model import BertNerModel
from trainUtils import build_optimizer_and_scheduler
from dataset import NerDataset, get_loader


def train(args, model, train_loader, device):
    t_total = len(train_loader) * args.train_epochs
    optimizer, scheduler = build_optimizer_and_scheduler(args, model, t_total)
    model.zero_grad()
    for epoch in range(args.train_epochs):
        for batch in train_loader:
            model.train()
            batch = [t.to(device) for t in batch]
            _, loss = model(batch[0], batch[1], batch[2], batch[3])
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), args.max_grad_norm)
            optimizer.step()
            scheduler.step()
            model.zero_grad()


if __name__ == '__main__':
    parser = argparse.ArgumentParser()
    parser.add_argument('--bert_dir', default='../model_hub/chinese-bert-wwm-ext/')
    parser.add_argument('--data_dir', default='./data/cner/')
    parser.add_argument('--num_tags', type=int, default=33)
    parser.add_argument('--lstm_hidden', type=int, default=128)
    parser.add_argument('--dropout_prob', type=float, default=0.1)
    parser.add_argument('--lr', type=float, default=3e-5)
    parser.add_argument('--crf_lr', type=float, default=3e-2)
    parser.add_argument('--other_lr', type=float, default=3e-4)
    parser.add_argument('--weight_decay', type=float, default=0.01)
    parser.add_argument('--adam_epsilon', type=float, default=1e-8)
    parser.add_argument('--warmup_proportion', type=float, default=0.1)
    parser.add_argument('--max_grad_norm', type=float, default=1.0)
    parser.add_argument('--train_epochs', type=int, default=3)
    args = parser.parse_args()
    device = torch.device('cuda' if torch.cuda.is_available() else 'cpu')
    model = BertNerModel(args).to(device)
    train_loader = get_loader(NerDataset(args.data_dir, 'train'), batch_size=32)
    train(args, model, train_loader, device)
