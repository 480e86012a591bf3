# Idiom seen in: boostcampaitech3/level2-klue-level2-nlp-04 train.py
# What it reproduces: the argparse-driven fine-tuning script: tokenizer/model from AutoModel, RE_Dataset from
#   an input module, TrainingArguments(..., weight_decay=args.weight_decay) and the custom L2Trainer (which
#   builds its own AdamW from these arguments).
import argparse

import torch
from transformers import AutoConfig, AutoModelForSequenceClassification, AutoTokenizer, TrainingArguments

from load_data import RE_Dataset, label_to_num, load_data, tokenized_dataset
from metrics import compute_metrics
from trainer import L2Trainer


def train(args):
    tokenizer = AutoTokenizer.from_pretrained(args.model)
    train_dataset = load_data(args.train_path)
    train_label = label_to_num(train_dataset['label'].values)
    RE_train_dataset = RE_Dataset(tokenized_dataset(train_dataset, tokenizer), train_label)

    device = torch.device('cuda:0' if torch.cuda.is_available() else 'cpu')
    model_config = AutoConfig.from_pretrained(args.model)
    model_config.num_labels = 30
    model = AutoModelForSequenceClassification.from_pretrained(args.model, config=model_config)
    model.to(device)

    training_args = TrainingArguments(
        output_dir=args.save_dir,
        save_total_limit=5,
        save_steps=args.save_steps,
        num_train_epochs=args.epochs,
        learning_rate=args.lr,
        per_device_train_batch_size=args.batch,
        per_device_eval_batch_size=args.batch_valid,
        warmup_ratio=args.warmup,
        weight_decay=args.weight_decay,
        logging_dir='./logs',
        logging_steps=args.logging_steps,
        evaluation_strategy='steps',
        eval_steps=args.eval_steps,
        load_best_model_at_end=True,
    )
    trainer = L2Trainer(
        model=model,
        args=training_args,
        train_dataset=RE_train_dataset,
        eval_dataset=RE_train_dataset,
        compute_metrics=compute_metrics,
        l2_lambda=args.l2_lambda,
    )
    trainer.train()
    model.save_pretrained('./best_model')


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--seed', type=int, default=42)
    parser.add_argument('--save_dir', type=str, default='./results')
    parser.add_argument('--train_path', type=str, default='/opt/ml/dataset/train/train.csv')
    parser.add_argument('--model', type=str, default='klue/roberta-large')
    parser.add_argument('--epochs', type=int, default=20)
    parser.add_argument('--lr', type=float, default=5e-5)
    parser.add_argument('--batch', type=int, default=16)
    parser.add_argument('--batch_valid', type=int, default=16)
    parser.add_argument('--warmup', type=float, default=0.1)
    parser.add_argument('--eval_steps', type=int, default=500)
    parser.add_argument('--save_steps', type=int, default=500)
    parser.add_argument('--logging_steps', type=int, default=100)
    parser.add_argument('--weight_decay', type=float, default=0.01)
    parser.add_argument('--l2_lambda', type=float, default=1e-5)
    args = parser.parse_args()
    train(args)


if __name__ == '__main__':
    main()
