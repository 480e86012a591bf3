# Idiom seen in: CLUEbenchmark/CLUE baselines/models_pytorch/classifier_pytorch/run_classifier.py
# What it reproduces: the BERT sentence-classification fine-tuning loop: no_decay = ['bias',
#   'LayerNorm.weight'] on a BERT checkpoint (whose norms are all named LayerNorm), AdamW,
#   linear warmup schedule stepped once per gradient_accumulation_steps, grad clipping. Clean.
import argparse
import os

import torch
from torch.utils.data import DataLoader, RandomSampler
from transformers import AdamW, BertConfig, BertForSequenceClassification, get_linear_schedule_with_warmup

from processors import clue_processors as processors
from processors import collate_fn, load_and_cache_examples


def train(args, train_dataset, model):
    train_dataloader = DataLoader(train_dataset, sampler=RandomSampler(train_dataset),
                                  batch_size=args.train_batch_size, collate_fn=collate_fn)
    t_total = len(train_dataloader) // args.gradient_accumulation_steps * args.num_train_epochs

    no_decay = ['bias', 'LayerNorm.weight']
    optimizer_grouped_parameters = [
        {'params': [p for n, p in model.named_parameters() if not any(nd in n for nd in no_decay)],
         'weight_decay': args.weight_decay},
        {'params': [p for n, p in model.named_parameters() if any(nd in n for nd in no_decay)],
         'weight_decay': 0.0},
    ]
    args.warmup_steps = int(t_total * args.warmup_proportion)
    optimizer = AdamW(optimizer_grouped_parameters, lr=args.learning_rate, eps=args.adam_epsilon)
    scheduler = get_linear_schedule_with_warmup(optimizer, num_warmup_steps=args.warmup_steps,
                                                num_training_steps=t_total)

    global_step = 0
    tr_loss = 0.0
    model.zero_grad()
    for _ in range(int(args.num_train_epochs)):
        for step, batch in enumerate(train_dataloader):
            model.train()
            inputs = {'input_ids': batch[0], 'attention_mask': batch[1],
                      'token_type_ids': batch[2], 'labels': batch[3]}
            outputs = model(**inputs)
            loss = outputs[0]
            if args.gradient_accumulation_steps > 1:
                loss = loss / args.gradient_accumulation_steps
            loss.backward()
            tr_loss += loss.item()
            if (step + 1) % args.gradient_accumulation_steps == 0:
                torch.nn.utils.clip_grad_norm_(model.parameters(), args.max_grad_norm)
                optimizer.step()
                scheduler.step()
                model.zero_grad()
                global_step += 1
    return global_step, tr_loss / max(global_step, 1)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data_dir", default="CLUEdatasets/tnews", type=str)
    parser.add_argument("--model_name_or_path", default="bert-base-chinese", type=str)
    parser.add_argument("--task_name", default="tnews", type=str)
    parser.add_argument("--output_dir", default="outputs/tnews", type=str)
    parser.add_argument("--train_batch_size", default=16, type=int)
    parser.add_argument("--gradient_accumulation_steps", default=2, type=int)
    parser.add_argument("--learning_rate", default=2e-5, type=float)
    parser.add_argument("--weight_decay", default=0.01, type=float)
    parser.add_argument("--adam_epsilon", default=1e-8, type=float)
    parser.add_argument("--max_grad_norm", default=1.0, type=float)
    parser.add_argument("--num_train_epochs", default=3.0, type=float)
    parser.add_argument("--warmup_proportion", default=0.1, type=float)
    args = parser.parse_args()

    processor = processors[args.task_name]()
    num_labels = len(processor.get_labels())
    config = BertConfig.from_pretrained(args.model_name_or_path, num_labels=num_labels)
    model = BertForSequenceClassification.from_pretrained(args.model_name_or_path, config=config)
    train_dataset = load_and_cache_examples(args, args.task_name, data_type='train')
    global_step, tr_loss = train(args, train_dataset, model)
    print("global_step = %s, average loss = %s" % (global_step, tr_loss))
    os.makedirs(args.output_dir, exist_ok=True)
    model.save_pretrained(args.output_dir)


if __name__ == "__main__":
    main()
