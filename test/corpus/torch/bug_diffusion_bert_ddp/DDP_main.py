# Idiom seen in: Hzfinfdu/Diffusion-BERT DDP_main.py
# What it reproduces: the repository's DDP training of a BERT denoiser with `AdamW(model.parameters(), lr=...)`
# and no weight_decay keyword: torch AdamW's default 0.01 decays BERT's LayerNorm weights and all biases.
import argparse
import datetime
import math
import os

import torch
import torch.distributed as dist
from torch.nn.parallel import DistributedDataParallel as DDP
from torch.optim import AdamW
from transformers import BertConfig, BertTokenizer

import diffusion_word_freq
from dataloader import DiffusionLoader  # not in this workspace
from models.modeling_bert import BertForMaskedLM  # not in this workspace (a BERT with a timestep input)


def parse_args():
    parser = argparse.ArgumentParser()
    parser.add_argument("--model_name_or_path", default='bert-base-uncased', type=str)
    parser.add_argument("--lr", default=5e-4, type=float)
    parser.add_argument("--epochs", default=3, type=int)
    parser.add_argument("--batch_size", default=64, type=int)
    parser.add_argument("--num_steps", default=2048, type=int)
    parser.add_argument("--logging_steps", default=1000, type=int)
    return parser.parse_args()


if __name__ == '__main__':
    args = parse_args()
    local_rank = int(os.environ['LOCAL_RANK'])
    device = torch.device("cuda", local_rank)
    torch.cuda.set_device(local_rank)
    dist.init_process_group(backend='nccl', timeout=datetime.timedelta(seconds=9600))

    tokenizer = BertTokenizer.from_pretrained(args.model_name_or_path)
    cfg = BertConfig.from_pretrained(args.model_name_or_path)
    cfg.overall_timestep = args.num_steps
    model = BertForMaskedLM.from_pretrained(args.model_name_or_path, config=cfg).to(device)

    model = DDP(model, device_ids=[local_rank], output_device=local_rank)
    optimizer = AdamW(model.parameters(), lr=args.lr)  # expect: WD203
    warmup_scheduler = torch.optim.lr_scheduler.LambdaLR(
        optimizer, lr_lambda=lambda n: n / 10000. + 1e-3 if n < 10000 else 100. / math.sqrt(n))

    train_loader = DiffusionLoader(tokenizer=tokenizer).ddp_loader('lm1b', batch_size=args.batch_size)

    def denoise_fn(targets, timestep, attention_mask):
        return model(input_ids=targets, timestep=timestep - 1, attention_mask=attention_mask)['logits']

    model.train()
    train_loss = .0
    for epoch in range(args.epochs):
        train_loader.sampler.set_epoch(epoch)
        for i, batch in enumerate(train_loader):
            metrics = diffusion_word_freq.compute_kl_reverse_process(
                batch['input_ids'].to(device),
                diffusion_word_freq.sample_t(args.num_steps).to(device),
                denoise_fn=denoise_fn,
                mask_token_id=tokenizer.mask_token_id,
                num_steps=args.num_steps,
                target_mask=batch['attention_mask'].to(device))
            loss = metrics['loss'] / args.batch_size
            train_loss += loss.item()
            loss.backward()
            torch.nn.utils.clip_grad_value_(model.parameters(), 5)
            optimizer.step()
            optimizer.zero_grad()
            warmup_scheduler.step()
            if dist.get_rank() == 0 and i % args.logging_steps == args.logging_steps - 1:
                print(f'Loss at step {i} is {train_loss / args.logging_steps}')
                train_loss = .0
