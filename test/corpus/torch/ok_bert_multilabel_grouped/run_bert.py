# Idiom seen in: lonePatient/Bert-Multi-Label-Text-Classification run_bert.py
# What it reproduces: the BERT fine-tuning recipe: no_decay = ['bias', 'LayerNorm.weight'] over
#   list(model.named_parameters()), decayed group with args.weight_decay (0.01) and a 0.0 group, AdamW with a
#   linear warmup schedule; the names match BERT's, so biases and LayerNorm weights are not decayed. Clean.
from argparse import ArgumentParser

import torch
from torch.utils.data import DataLoader, RandomSampler
from torch.optim import AdamW
from transformers import get_linear_schedule_with_warmup

from bert_for_multi_label import BertForMultiLable
from pybert.io.bert_processor import BertProcessor
from pybert.configs.basic_config import config


def run_train(args):
    processor = BertProcessor(vocab_path=config['bert_vocab_path'], do_lower_case=args.do_lower_case)
    label_list = processor.get_labels()
    train_data = processor.get_train(config['data_dir'] / f"{args.data_name}.train.pkl")
    train_examples = processor.create_examples(lines=train_data, example_type='train')
    train_features = processor.create_features(examples=train_examples, max_seq_len=args.train_max_seq_len)
    train_dataset = processor.create_dataset(train_features)
    train_dataloader = DataLoader(train_dataset, sampler=RandomSampler(train_dataset),
                                  batch_size=args.train_batch_size)

    model = BertForMultiLable.from_pretrained('bert-base-uncased', num_labels=len(label_list))
    t_total = int(len(train_dataloader) / args.gradient_accumulation_steps * args.epochs)

    param_optimizer = list(model.named_parameters())
    no_decay = ['bias', 'LayerNorm.weight']
    optimizer_grouped_parameters = [
        {'params': [p for n, p in param_optimizer if not any(nd in n for nd in no_decay)], 'weight_decay': args.weight_decay},
        {'params': [p for n, p in param_optimizer if any(nd in n for nd in no_decay)], 'weight_decay': 0.0}
    ]
    warmup_steps = int(t_total * args.warmup_proportion)
    optimizer = AdamW(optimizer_grouped_parameters, lr=args.learning_rate, eps=args.adam_epsilon)
    scheduler = get_linear_schedule_with_warmup(optimizer, num_warmup_steps=warmup_steps,
                                                num_training_steps=t_total)
    criterion = torch.nn.BCEWithLogitsLoss()

    model.train()
    for epoch in range(args.epochs):
        for step, (input_ids, input_mask, segment_ids, label_ids) in enumerate(train_dataloader):
            logits = model(input_ids, segment_ids, input_mask)
            loss = criterion(logits, label_ids.float())
            if args.gradient_accumulation_steps > 1:
                loss = loss / args.gradient_accumulation_steps
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), args.grad_clip)
            if (step + 1) % args.gradient_accumulation_steps == 0:
                optimizer.step()
                scheduler.step()
                optimizer.zero_grad()


def main():
    parser = ArgumentParser()
    parser.add_argument("--do_lower_case", action='store_true')
    parser.add_argument('--data_name', default='kaggle', type=str)
    parser.add_argument("--epochs", default=6, type=int)
    parser.add_argument('--gradient_accumulation_steps', type=int, default=1)
    parser.add_argument("--train_batch_size", default=8, type=int)
    parser.add_argument("--train_max_seq_len", default=256, type=int)
    parser.add_argument("--warmup_proportion", default=0.1, type=float)
    parser.add_argument("--weight_decay", default=0.01, type=float)
    parser.add_argument("--adam_epsilon", default=1e-8, type=float)
    parser.add_argument("--grad_clip", default=1.0, type=float)
    parser.add_argument("--learning_rate", default=2e-5, type=float)
    args = parser.parse_args()
    run_train(args)


if __name__ == '__main__':
    main()
