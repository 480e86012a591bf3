# Idiom seen in: kamalkraj/BERT-NER run_ner.py
# What it reproduces: BERT token-classification fine-tuning; a BertForTokenClassification subclass
# loaded with from_pretrained('bert-base-cased'), AdamW on two groups split by
# no_decay = ['bias', 'LayerNorm.bias', 'LayerNorm.weight'] (BERT's own names), linear warmup (clean).
import argparse
import logging
import os
import random

import numpy as np
import torch
import torch.nn.functional as F
from pytorch_transformers import AdamW, BertConfig, BertForTokenClassification, BertTokenizer, WarmupLinearSchedule
from torch.utils.data import DataLoader, RandomSampler, TensorDataset
from tqdm import tqdm, trange

from ner_processor import NerProcessor, convert_examples_to_features

logger = logging.getLogger(__name__)


class Ner(BertForTokenClassification):
    def forward(self, input_ids, token_type_ids=None, attention_mask=None, labels=None, valid_ids=None,
                attention_mask_label=None):
        sequence_output = self.bert(input_ids, token_type_ids, attention_mask, head_mask=None)[0]
        sequence_output = self.dropout(sequence_output)
        logits = self.classifier(sequence_output)
        if labels is not None:
            loss_fct = torch.nn.CrossEntropyLoss(ignore_index=0)
            active = attention_mask_label.view(-1) == 1
            return loss_fct(logits.view(-1, self.num_labels)[active], labels.view(-1)[active])
        return logits


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data_dir", default=None, type=str, required=True)
    parser.add_argument("--bert_model", default="bert-base-cased", type=str)
    parser.add_argument("--output_dir", default=None, type=str, required=True)
    parser.add_argument("--max_seq_length", default=128, type=int)
    parser.add_argument("--train_batch_size", default=32, type=int)
    parser.add_argument("--learning_rate", default=5e-5, type=float)
    parser.add_argument("--num_train_epochs", default=3.0, type=float)
    parser.add_argument("--warmup_proportion", default=0.1, type=float)
    parser.add_argument("--weight_decay", default=0.01, type=float)
    parser.add_argument("--adam_epsilon", default=1e-8, type=float)
    parser.add_argument("--max_grad_norm", default=1.0, type=float)
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args()

    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.manual_seed(args.seed)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

    processor = NerProcessor()
    label_list = processor.get_labels()
    num_labels = len(label_list) + 1
    tokenizer = BertTokenizer.from_pretrained(args.bert_model, do_lower_case=False)
    train_examples = processor.get_train_examples(args.data_dir)
    num_train_optimization_steps = int(len(train_examples) / args.train_batch_size) * int(args.num_train_epochs)

    config = BertConfig.from_pretrained(args.bert_model, num_labels=num_labels, finetuning_task="ner")
    model = Ner.from_pretrained(args.bert_model, from_tf=False, config=config)
    model.to(device)

    param_optimizer = list(model.named_parameters())
    no_decay = ['bias', 'LayerNorm.bias', 'LayerNorm.weight']
    optimizer_grouped_parameters = [
        {'params': [p for n, p in param_optimizer if not any(nd in n for nd in no_decay)], 'weight_decay': args.weight_decay},
        {'params': [p for n, p in param_optimizer if any(nd in n for nd in no_decay)], 'weight_decay': 0.0}
    ]
    warmup_steps = int(args.warmup_proportion * num_train_optimization_steps)
    optimizer = AdamW(optimizer_grouped_parameters, lr=args.learning_rate, eps=args.adam_epsilon)
    scheduler = WarmupLinearSchedule(optimizer, warmup_steps=warmup_steps, t_total=num_train_optimization_steps)

    features = convert_examples_to_features(train_examples, label_list, args.max_seq_length, tokenizer)
    data = TensorDataset(*[torch.tensor(getattr(f, k), dtype=torch.long) for f in [features[0]] for k in
                           ("input_ids", "input_mask", "segment_ids", "label_id", "valid_ids", "label_mask")])
    train_dataloader = DataLoader(data, sampler=RandomSampler(data), batch_size=args.train_batch_size)

    model.train()
    for _ in trange(int(args.num_train_epochs), desc="Epoch"):
        for step, batch in enumerate(tqdm(train_dataloader, desc="Iteration")):
            input_ids, input_mask, segment_ids, label_ids, valid_ids, l_mask = tuple(t.to(device) for t in batch)
            loss = model(input_ids, segment_ids, input_mask, label_ids, valid_ids, l_mask)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), args.max_grad_norm)
            optimizer.step()
            scheduler.step()
            model.zero_grad()

    os.makedirs(args.output_dir, exist_ok=True)
    model.save_pretrained(args.output_dir)


if __name__ == "__main__":
    main()
