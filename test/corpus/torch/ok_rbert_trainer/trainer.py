# Idiom seen in: monologg/R-BERT trainer.py
# What it reproduces: the Trainer class builds RBERT with from_pretrained and an AdamW over two groups
# split by no_decay = ["bias", "LayerNorm.weight"] (BERT's norm names; the FC heads have no norms),
# with get_linear_schedule_with_warmup (clean).
import torch
from torch.utils.data import DataLoader, RandomSampler
from tqdm import tqdm, trange
from transformers import AdamW, BertConfig, get_linear_schedule_with_warmup

from model import RBERT


class Trainer(object):
    def __init__(self, args, train_dataset=None, dev_dataset=None, test_dataset=None):
        self.args = args
        self.train_dataset = train_dataset
        self.num_labels = 19
        self.config = BertConfig.from_pretrained(args.model_name_or_path, num_labels=self.num_labels,
                                                 finetuning_task=args.task)
        self.model = RBERT.from_pretrained(args.model_name_or_path, config=self.config, args=args)
        self.device = "cuda" if torch.cuda.is_available() and not args.no_cuda else "cpu"
        self.model.to(self.device)

    def train(self):
        train_dataloader = DataLoader(self.train_dataset, sampler=RandomSampler(self.train_dataset),
                                      batch_size=self.args.train_batch_size)
        t_total = len(train_dataloader) // self.args.gradient_accumulation_steps * self.args.num_train_epochs

        no_decay = ["bias", "LayerNorm.weight"]
        optimizer_grouped_parameters = [
            {"params": [p for n, p in self.model.named_parameters() if not any(nd in n for nd in no_decay)],
             "weight_decay": self.args.weight_decay},
            {"params": [p for n, p in self.model.named_parameters() if any(nd in n for nd in no_decay)],
             "weight_decay": 0.0},
        ]
        optimizer = AdamW(optimizer_grouped_parameters, lr=self.args.learning_rate, eps=self.args.adam_epsilon)
        scheduler = get_linear_schedule_with_warmup(optimizer, num_warmup_steps=self.args.warmup_steps,
                                                    num_training_steps=t_total)

        global_step, tr_loss = 0, 0.0
        self.model.zero_grad()
        for _ in trange(int(self.args.num_train_epochs), desc="Epoch"):
            for step, batch in enumerate(tqdm(train_dataloader, desc="Iteration")):
                self.model.train()
                batch = tuple(t.to(self.device) for t in batch)
                inputs = {"input_ids": batch[0], "attention_mask": batch[1], "token_type_ids": batch[2],
                          "labels": batch[3], "e1_mask": batch[4], "e2_mask": batch[5]}
                loss = self.model(**inputs)[0]
                if self.args.gradient_accumulation_steps > 1:
                    loss = loss / self.args.gradient_accumulation_steps
                loss.backward()
                tr_loss += loss.item()
                if (step + 1) % self.args.gradient_accumulation_steps == 0:
                    torch.nn.utils.clip_grad_norm_(self.model.parameters(), self.args.max_grad_norm)
                    optimizer.step()
                    scheduler.step()
                    self.model.zero_grad()
                    global_step += 1
        return global_step, tr_loss / max(global_step, 1)
