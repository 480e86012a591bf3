# Idiom seen in: ThilinaRajapakse/simpletransformers simpletransformers/classification/classification_model.py
# What it reproduces: simpletransformers' ClassificationModel.train(): no_decay = ["bias", "LayerNorm.weight"] splits
# self.model.named_parameters() into an args["weight_decay"] group and a 0.0 group for AdamW; DistilBERT's block
# norms are sa_layer_norm / output_layer_norm, which the name filter misses, so they are decayed (as in the repo).

import math

import torch
from torch.optim import AdamW
from torch.utils.data import DataLoader, RandomSampler
from tqdm.auto import tqdm
from transformers import DistilBertForSequenceClassification, DistilBertTokenizerFast, get_linear_schedule_with_warmup

from classification_utils import load_examples

global_args = {
    "learning_rate": 4e-5,
    "adam_epsilon": 1e-8,
    "weight_decay": 0.01,
    "warmup_ratio": 0.06,
    "num_train_epochs": 3,
    "train_batch_size": 16,
    "gradient_accumulation_steps": 1,
    "max_grad_norm": 1.0,
}


class ClassificationModel:
    def __init__(self, model_name="distilbert-base-uncased", num_labels=2, args=None, use_cuda=True):
        self.args = dict(global_args)
        if args:
            self.args.update(args)
        self.device = torch.device("cuda" if use_cuda and torch.cuda.is_available() else "cpu")
        self.tokenizer = DistilBertTokenizerFast.from_pretrained(model_name)
        self.model = DistilBertForSequenceClassification.from_pretrained(model_name, num_labels=num_labels)

    def train_model(self, train_file):
        train_dataset = load_examples(train_file, self.tokenizer, max_seq_length=128)
        self.model.to(self.device)
        return self.train(train_dataset)

    def train(self, train_dataset):
        model = self.model
        args = self.args
        train_dataloader = DataLoader(train_dataset, sampler=RandomSampler(train_dataset),
                                      batch_size=args["train_batch_size"])
        t_total = len(train_dataloader) // args["gradient_accumulation_steps"] * args["num_train_epochs"]

        no_decay = ["bias", "LayerNorm.weight"]
        optimizer_grouped_parameters = [
            {
                "params": [p for n, p in model.named_parameters() if not any(nd in n for nd in no_decay)],  # expect: WD203
                "weight_decay": args["weight_decay"],
            },
            {
                "params": [p for n, p in model.named_parameters() if any(nd in n for nd in no_decay)],
                "weight_decay": 0.0,
            },
        ]
        warmup_steps = math.ceil(t_total * args["warmup_ratio"])
        optimizer = AdamW(optimizer_grouped_parameters, lr=args["learning_rate"], eps=args["adam_epsilon"])
        scheduler = get_linear_schedule_with_warmup(optimizer, num_warmup_steps=warmup_steps,
                                                    num_training_steps=t_total)

        global_step, tr_loss = 0, 0.0
        model.zero_grad()
        for epoch in range(args["num_train_epochs"]):
            model.train()
            for step, batch in enumerate(tqdm(train_dataloader, desc=f"Epoch {epoch}")):
                input_ids, attention_mask, labels = (t.to(self.device) for t in batch)
                outputs = model(input_ids=input_ids, attention_mask=attention_mask, labels=labels)
                loss = outputs[0] / args["gradient_accumulation_steps"]
                loss.backward()
                tr_loss += loss.item()
                if (step + 1) % args["gradient_accumulation_steps"] == 0:
                    torch.nn.utils.clip_grad_norm_(model.parameters(), args["max_grad_norm"])
                    optimizer.step()
                    scheduler.step()
                    model.zero_grad()
                    global_step += 1
        return global_step, tr_loss / max(global_step, 1)


if __name__ == "__main__":
    clf = ClassificationModel("distilbert-base-uncased", num_labels=2, args={"num_train_epochs": 2})
    print(clf.train_model("data/train.tsv"))
