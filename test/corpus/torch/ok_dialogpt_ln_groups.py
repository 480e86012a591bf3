# Idiom seen in: microsoft/DialoGPT LSP_train.py
# What it reproduces: GPT-2 fine-tuning with no_decay = ['bias', 'ln'] (GPT-2 names its norms ln_1, ln_2,
#   ln_f), a 0.01 decayed group and a 0.0 group, and a decoupled Adam (torch AdamW here, where the repo uses
#   its own BertAdam-style Adam / apex FusedAdam): biases and LayerNorms are excluded. Clean.
import argparse
import logging

import torch
from torch.optim import AdamW
from transformers import GPT2LMHeadModel, GPT2Tokenizer

from data_loader import BucketingDataLoader
from gpt2_training.train_utils import set_lr

logger = logging.getLogger(__name__)

parser = argparse.ArgumentParser()
parser.add_argument('--model_name_or_path', type=str, default='gpt2')
parser.add_argument("--train_input_file", type=str)
parser.add_argument("--train_batch_size", type=int, default=4)
parser.add_argument("--gradient_accumulation_steps", type=int, default=2)
parser.add_argument("--max_seq_length", type=int, default=128)
parser.add_argument("--learning_rate", type=float, default=1e-5)
parser.add_argument("--num_optim_steps", type=int, default=1000000)
parser.add_argument("--warmup_steps", type=int, default=16000)
args = parser.parse_args()
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

enc = GPT2Tokenizer.from_pretrained(args.model_name_or_path)
model = GPT2LMHeadModel.from_pretrained(args.model_name_or_path).to(device)
train_dataloader = BucketingDataLoader(args.train_input_file, args.train_batch_size, args.max_seq_length)

param_optimizer = list(model.named_parameters())
no_decay = ['bias', 'ln']   # no decay for bias and LayerNorm (ln)
optimizer_grouped_parameters = [
    {'params': [p for n, p in param_optimizer
                if not any(nd in n for nd in no_decay)],
     'weight_decay': 0.01},
    {'params': [p for n, p in param_optimizer
                if any(nd in n for nd in no_decay)], 'weight_decay': 0.0}
]
optimizer = AdamW(optimizer_grouped_parameters, lr=args.learning_rate)

global_step, step = 0, 0
model.train()
while global_step < args.num_optim_steps:
    for batch in train_dataloader:
        input_ids, position_ids, token_ids, label_ids, *_ = tuple(t.to(device) for t in batch)
        outputs = model(input_ids, position_ids=position_ids, labels=label_ids)
        loss = outputs.loss / args.gradient_accumulation_steps
        loss.backward()
        step += 1
        if step % args.gradient_accumulation_steps == 0:
            set_lr(optimizer, global_step, 'noam', args.learning_rate, args.warmup_steps, 0.1,
                   model.config.n_embd, args.num_optim_steps)
            optimizer.step()
            optimizer.zero_grad()
            global_step += 1
        if global_step >= args.num_optim_steps:
            break
