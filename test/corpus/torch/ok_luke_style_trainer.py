# Idiom seen in: studio-ousia/luke examples/utils/trainer.py
# What it reproduces: a click-configured fine-tuning Trainer with BERT-style no_decay groups (bias, LayerNorm.weight) under AdamW, gradient accumulation and mixed precision (here torch.cuda.amp instead of apex). Clean: decoupled decay on weights only.
import functools
import logging

import click
import torch
from torch.cuda.amp import GradScaler, autocast
from torch.optim import AdamW
from tqdm import tqdm
from transformers import get_linear_schedule_with_warmup

logger = logging.getLogger(__name__)


def trainer_args(func):
    @click.option("--learning-rate", default=1e-5)
    @click.option("--weight-decay", default=0.01)
    @click.option("--max-grad-norm", default=1.0)
    @click.option("--adam-b1", default=0.9)
    @click.option("--adam-b2", default=0.98)
    @click.option("--adam-eps", default=1e-6)
    @click.option("--warmup-proportion", default=0.06)
    @click.option("--gradient-accumulation-steps", default=1)
    @click.option("--fp16", is_flag=True)
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        return func(*args, **kwargs)

    return wrapper


class Trainer(object):
    def __init__(self, args, model, dataloader, num_train_steps):
        self.args = args
        self.model = model
        self.dataloader = dataloader
        self.num_train_steps = num_train_steps
        self.optimizer = self._create_optimizer(model)
        warmup_steps = int(num_train_steps * args.warmup_proportion)
        self.scheduler = get_linear_schedule_with_warmup(self.optimizer, warmup_steps, num_train_steps)
        self.scaler = GradScaler(enabled=args.fp16)

    def train(self):
        model, optimizer = self.model, self.optimizer
        global_step, tr_loss = 0, 0.0
        model.train()
        with tqdm(total=self.num_train_steps) as pbar:
            while global_step < self.num_train_steps:
                for step, batch in enumerate(self.dataloader):
                    inputs = {k: v.to(self.args.device) for k, v in batch.items()}
                    with autocast(enabled=self.args.fp16):
                        outputs = model(**inputs)
                        loss = outputs[0]
                    if self.args.gradient_accumulation_steps > 1:
                        loss = loss / self.args.gradient_accumulation_steps
                    self.scaler.scale(loss).backward()
                    tr_loss += loss.item()

                    if (step + 1) % self.args.gradient_accumulation_steps == 0:
                        if self.args.max_grad_norm != 0.0:
                            self.scaler.unscale_(optimizer)
                            torch.nn.utils.clip_grad_norm_(model.parameters(), self.args.max_grad_norm)
                        self.scaler.step(optimizer)
                        self.scaler.update()
                        self.scheduler.step()
                        model.zero_grad()
                        global_step += 1
                        pbar.set_description("loss: %.7f" % loss.item())
                        pbar.update()
                        if global_step == self.num_train_steps:
                            break
        logger.info("global_step = %s, average loss = %s", global_step, tr_loss / max(global_step, 1))
        return model, global_step

    def _create_optimizer(self, model):
        param_optimizer = list(model.named_parameters())
        no_decay = ["bias", "LayerNorm.weight"]
        optimizer_parameters = [
            {
                "params": [p for n, p in param_optimizer if p.requires_grad and not any(nd in n for nd in no_decay)],
                "weight_decay": self.args.weight_decay,
            },
            {
                "params": [p for n, p in param_optimizer if p.requires_grad and any(nd in n for nd in no_decay)],
                "weight_decay": 0.0,
            },
        ]
        return AdamW(
            optimizer_parameters,
            lr=self.args.learning_rate,
            eps=self.args.adam_eps,
            betas=(self.args.adam_b1, self.args.adam_b2),
        )
