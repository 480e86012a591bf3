# Idiom seen in: taishan1994/pytorch_bert_bilstm_crf_ner utils/trainUtils.py
# Idiom seen in: taishan1994/pytorch_bert_bilstm_crf_ner bert_ner_model.py
# What it reproduces: the repo's own wiring: BERT + linear + CRF (no extra norm layer), differential
# learning rates, and the no_decay ["bias", "LayerNorm.weight"] split in each part. Clean.
import argparse

import torch
import torch.nn as nn
from transformers import AdamW, BertModel, get_linear_schedule_with_warmup
from torchcrf import CRF

from dataset import get_loader


class BertCrf(nn.Module):
    def __init__(self, bert_dir, num_tags):
        super(BertCrf, self).__init__()
        self.bert = BertModel.from_pretrained(bert_dir)
        self.classifier = nn.Linear(self.bert.config.hidden_size, num_tags)
        self.crf = CRF(num_tags, batch_first=True)

    def forward(self, ids, mask, labels):
        emissions = self.classifier(self.bert(input_ids=ids, attention_mask=mask)[0])
        return -self.crf(emissions, labels, mask=mask.byte(), reduction='mean')


def build_optimizer_and_scheduler(args, model, t_total):
    no_decay = ["bias", "LayerNorm.weight"]
    groups = []
    for prefix, lr in (("bert", args.lr), ("classifier", args.other_lr), ("crf", args.crf_lr)):
        named = [(n, p) for n, p in model.named_parameters() if n.split('.')[0] == prefix]
        groups.append({"params": [p for n, p in named if not any(nd in n for nd in no_decay)],
                       "weight_decay": args.weight_decay, "lr": lr})
        groups.append({"params": [p for n, p in named if any(nd in n for nd in no_decay)],
                       "weight_decay": 0.0, "lr": lr})
    optimizer = AdamW(groups, lr=args.lr, eps=args.adam_epsilon)
    scheduler = get_linear_schedule_with_warmup(optimizer, int(args.warmup_proportion * t_total), t_total)
    return optimizer, scheduler


if __name__ == '__main__':
    parser = argparse.ArgumentParser()
    parser.add_argument('--bert_dir', default='bert-base-chinese')
    parser.add_argument('--lr', type=float, default=3e-5)
    parser.add_argument('--other_lr', type=float, default=3e-4)
    parser.add_argument('--crf_lr', type=float, default=3e-2)
    parser.add_argument('--weight_decay', type=float, default=0.01)
    parser.add_argument('--adam_epsilon', type=float, default=1e-8)
    parser.add_argument('--warmup_proportion', type=float, default=0.1)
    parser.add_argument('--epochs', type=int, default=3)
    args = parser.parse_args()
    model = BertCrf(args.bert_dir, num_tags=33).cuda()
    loader = get_loader('train', batch_size=32)
    optimizer, scheduler = build_optimizer_and_scheduler(args, model, len(loader) * args.epochs)
    for epoch in range(args.epochs):
        for ids, mask, labels in loader:
            loss = model(ids.cuda(), mask.cuda(), labels.cuda())
            loss.backward()
            optimizer.step()
            scheduler.step()
            model.zero_grad()
