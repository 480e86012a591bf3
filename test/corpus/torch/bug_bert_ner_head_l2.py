# Idiom seen in: kamalkraj/BERT-NER run_ner.py
# What it reproduces: the same BERT-NER recipe (AdamW groups with weight_decay 0.01 on every weight
# matrix) where the user adds an explicit L2 penalty on the classifier head to the loss: the head's
# weight is decayed twice (a realistic user change; the repository has no such penalty).
import argparse

import torch
from pytorch_transformers import AdamW, BertConfig, BertForTokenClassification, WarmupLinearSchedule
from torch.utils.data import DataLoader, RandomSampler

from ner_processor import NerProcessor, build_train_dataset


class Ner(BertForTokenClassification):
    def forward(self, input_ids, token_type_ids=None, attention_mask=None, labels=None, label_mask=None):
        sequence_output = self.dropout(self.bert(input_ids, token_type_ids, attention_mask)[0])
        logits = self.classifier(sequence_output)
        loss_fct = torch.nn.CrossEntropyLoss(ignore_index=0)
        active = label_mask.view(-1) == 1
        return loss_fct(logits.view(-1, self.num_labels)[active], labels.view(-1)[active])


parser = argparse.ArgumentParser()
parser.add_argument("--data_dir", type=str, required=True)
parser.add_argument("--bert_model", default="bert-base-cased", type=str)
parser.add_argument("--train_batch_size", default=32, type=int)
parser.add_argument("--learning_rate", default=5e-5, type=float)
parser.add_argument("--num_train_epochs", default=3, type=int)
parser.add_argument("--weight_decay", default=0.01, type=float)
parser.add_argument("--head_l2", default=1e-3, type=float)
args = parser.parse_args()

device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
processor = NerProcessor()
num_labels = len(processor.get_labels()) + 1
config = BertConfig.from_pretrained(args.bert_model, num_labels=num_labels, finetuning_task="ner")
model = Ner.from_pretrained(args.bert_model, config=config).to(device)

train_data = build_train_dataset(processor, args.data_dir, args.bert_model)
train_dataloader = DataLoader(train_data, sampler=RandomSampler(train_data), batch_size=args.train_batch_size)
t_total = len(train_dataloader) * args.num_train_epochs

param_optimizer = list(model.named_parameters())
no_decay = ['bias', 'LayerNorm.bias', 'LayerNorm.weight']
optimizer_grouped_parameters = [
    {'params': [p for n, p in param_optimizer if not any(nd in n for nd in no_decay)], 'weight_decay': args.weight_decay},
    {'params': [p for n, p in param_optimizer if any(nd in n for nd in no_decay)], 'weight_decay': 0.0}
]
optimizer = AdamW(optimizer_grouped_parameters, lr=args.learning_rate, eps=1e-8)
scheduler = WarmupLinearSchedule(optimizer, warmup_steps=int(0.1 * t_total), t_total=t_total)

model.train()
for epoch in range(args.num_train_epochs):
    for input_ids, input_mask, segment_ids, label_ids, label_mask in train_dataloader:
        loss = model(input_ids.to(device), segment_ids.to(device), input_mask.to(device),
                     label_ids.to(device), label_mask.to(device))
        head_l2 = sum(p.pow(2).sum() for p in model.classifier.parameters())  # expect: WD201
        loss = loss + args.head_l2 * head_l2
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        optimizer.step()
        scheduler.step()
        model.zero_grad()
    print(f"epoch {epoch}: loss {loss.item():.4f}")
