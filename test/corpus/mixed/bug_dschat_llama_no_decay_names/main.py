# Idiom seen in: microsoft/DeepSpeedExamples applications/DeepSpeed-Chat/training/utils/utils.py
# Idiom seen in: microsoft/DeepSpeedExamples applications/DeepSpeed-Chat/training/step1_supervised_finetuning/main.py
# What it reproduces: DeepSpeed-Chat's get_optimizer_grouped_parameters with the BERT-era default
# no_decay_name_list=["bias", "LayerNorm.weight"], used (here through accelerate) on a Llama model whose
# RMSNorm weights are input_layernorm / post_attention_layernorm / norm: every norm weight gets decayed.
import argparse
import math

import torch
from accelerate import Accelerator
from torch.utils.data import DataLoader
from transformers import LlamaForCausalLM, LlamaTokenizer, SchedulerType, default_data_collator, get_scheduler

from data_utils import create_prompt_dataset
from utils import get_optimizer_grouped_parameters, print_rank_0, save_hf_format, set_random_seed


def parse_args():
    parser = argparse.ArgumentParser(description="Finetune a causal LM on instruction data")
    parser.add_argument("--data_path", nargs="*", default=["Dahoas/rm-static"])
    parser.add_argument("--model_name_or_path", type=str, required=True)
    parser.add_argument("--per_device_train_batch_size", type=int, default=16)
    parser.add_argument("--max_seq_len", type=int, default=512)
    parser.add_argument("--learning_rate", type=float, default=1e-3)
    parser.add_argument("--weight_decay", type=float, default=0.1)
    parser.add_argument("--num_train_epochs", type=int, default=1)
    parser.add_argument("--gradient_accumulation_steps", type=int, default=1)
    parser.add_argument("--lr_scheduler_type", type=SchedulerType, default="cosine")
    parser.add_argument("--num_warmup_steps", type=int, default=0)
    parser.add_argument("--output_dir", type=str, default=None)
    parser.add_argument("--seed", type=int, default=1234)
    return parser.parse_args()


def main():
    args = parse_args()
    accelerator = Accelerator(gradient_accumulation_steps=args.gradient_accumulation_steps)
    set_random_seed(args.seed)

    tokenizer = LlamaTokenizer.from_pretrained(args.model_name_or_path)
    tokenizer.pad_token = tokenizer.eos_token
    model = LlamaForCausalLM.from_pretrained(args.model_name_or_path, torch_dtype=torch.bfloat16)

    train_dataset = create_prompt_dataset(args.data_path, tokenizer, args.max_seq_len)
    train_dataloader = DataLoader(train_dataset, collate_fn=default_data_collator, shuffle=True,
                                  batch_size=args.per_device_train_batch_size)

    optimizer_grouped_parameters = get_optimizer_grouped_parameters(model, args.weight_decay)
    optimizer = torch.optim.AdamW(optimizer_grouped_parameters, lr=args.learning_rate, betas=(0.9, 0.95))

    num_update_steps_per_epoch = math.ceil(len(train_dataloader) / args.gradient_accumulation_steps)
    lr_scheduler = get_scheduler(name=args.lr_scheduler_type, optimizer=optimizer,
                                 num_warmup_steps=args.num_warmup_steps,
                                 num_training_steps=args.num_train_epochs * num_update_steps_per_epoch)
    model, optimizer, train_dataloader, lr_scheduler = accelerator.prepare(
        model, optimizer, train_dataloader, lr_scheduler)

    for epoch in range(args.num_train_epochs):
        model.train()
        for step, batch in enumerate(train_dataloader):
            with accelerator.accumulate(model):
                loss = model(**batch, use_cache=False).loss
                accelerator.backward(loss)
                optimizer.step()
                lr_scheduler.step()
                optimizer.zero_grad()
            if step % 50 == 0:
                print_rank_0(f"Epoch {epoch} step {step} loss {loss.item():.4f}", accelerator.process_index)

    if args.output_dir is not None:
        save_hf_format(accelerator.unwrap_model(model), tokenizer, args.output_dir)


if __name__ == "__main__":
    main()
