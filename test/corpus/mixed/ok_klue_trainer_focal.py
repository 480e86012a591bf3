# Idiom seen in: boostcampaitech3/level2-klue-level2-nlp-04 train.py
# Idiom seen in: boostcampaitech3/level2-klue-level2-nlp-04 utilities/criterion/loss.py
# What it reproduces: KLUE relation-extraction fine-tuning with a Trainer subclass whose compute_loss swaps in
#   the team's FocalLoss, and TrainingArguments(weight_decay=args.weight_decay). Clean: the only decay is the
#   Trainer's own AdamW (decoupled, biases and LayerNorm weights excluded); compute_loss adds no parameter
#   penalty.
import argparse

import torch
import torch.nn as nn
import torch.nn.functional as F
from transformers import (AutoConfig, AutoModelForSequenceClassification, AutoTokenizer, Trainer,
                          TrainingArguments)

from load_data import RE_Dataset, label_to_num, load_data, tokenized_dataset
from metrics import compute_metrics


class FocalLoss(nn.Module):
    def __init__(self, weight=None, gamma=2., reduction='mean'):
        nn.Module.__init__(self)
        self.weight = weight
        self.gamma = gamma
        self.reduction = reduction

    def forward(self, input_tensor, target_tensor):
        log_prob = F.log_softmax(input_tensor, dim=-1)
        prob = torch.exp(log_prob)
        return F.nll_loss(((1 - prob) ** self.gamma) * log_prob, target_tensor,
                          weight=self.weight, reduction=self.reduction)


class FocalTrainer(Trainer):
    def __init__(self, *args, gamma=2.0, **kwargs):
        super().__init__(*args, **kwargs)
        self.criterion = FocalLoss(gamma=gamma)

    def compute_loss(self, model, inputs, return_outputs=False, **kwargs):
        labels = inputs.pop("labels")
        outputs = model(**inputs)
        loss = self.criterion(outputs.get("logits"), labels)
        return (loss, outputs) if return_outputs else loss


def train(args):
    tokenizer = AutoTokenizer.from_pretrained(args.model)
    train_dataset = load_data(args.train_path)
    RE_train_dataset = RE_Dataset(tokenized_dataset(train_dataset, tokenizer),
                                  label_to_num(train_dataset['label'].values))

    model_config = AutoConfig.from_pretrained(args.model)
    model_config.num_labels = 30
    model = AutoModelForSequenceClassification.from_pretrained(args.model, config=model_config)

    training_args = TrainingArguments(
        output_dir=args.save_dir,
        save_total_limit=5,
        save_steps=500,
        num_train_epochs=args.epochs,
        learning_rate=args.lr,
        per_device_train_batch_size=args.batch,
        per_device_eval_batch_size=args.batch,
        warmup_ratio=args.warmup,
        weight_decay=args.weight_decay,
        logging_steps=100,
        evaluation_strategy='steps',
        eval_steps=500,
        load_best_model_at_end=True,
        metric_for_best_model='micro f1 score',
    )
    trainer = FocalTrainer(model=model, args=training_args, train_dataset=RE_train_dataset,
                           eval_dataset=RE_train_dataset, compute_metrics=compute_metrics, gamma=args.gamma)
    trainer.train()
    model.save_pretrained('./best_model')


if __name__ == '__main__':
    parser = argparse.ArgumentParser()
    parser.add_argument('--save_dir', type=str, default='./results')
    parser.add_argument('--train_path', type=str, default='/opt/ml/dataset/train/train.csv')
    parser.add_argument('--model', type=str, default='klue/roberta-large')
    parser.add_argument('--epochs', type=int, default=5)
    parser.add_argument('--lr', type=float, default=3e-5)
    parser.add_argument('--batch', type=int, default=16)
    parser.add_argument('--warmup', type=float, default=0.1)
    parser.add_argument('--weight_decay', type=float, default=0.01)
    parser.add_argument('--gamma', type=float, default=2.0)
    train(parser.parse_args())
