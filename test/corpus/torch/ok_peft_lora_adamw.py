# Idiom seen in: huggingface/peft examples/causal_language_modeling/peft_lora_clm_accelerate_ds_zero3_offload.py
# What it reproduces: LoRA fine-tuning of a causal LM with torch.optim.AdamW(model.parameters(), lr=lr) on the
# PEFT model. Clean: only the lora_A/lora_B matrices require grad (bias="none"); frozen biases/norms get no grad, so no decay.
import argparse

import torch
from accelerate import Accelerator
from datasets import load_dataset
from peft import LoraConfig, TaskType, get_peft_model
from torch.utils.data import DataLoader
from transformers import AutoModelForCausalLM, AutoTokenizer, default_data_collator, get_linear_schedule_with_warmup


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--model_name_or_path', default='bigscience/bloomz-7b1')
    parser.add_argument('--lr', type=float, default=3e-3)
    parser.add_argument('--num_epochs', type=int, default=5)
    parser.add_argument('--batch_size', type=int, default=8)
    args = parser.parse_args()

    accelerator = Accelerator()
    tokenizer = AutoTokenizer.from_pretrained(args.model_name_or_path)
    dataset = load_dataset('ought/raft', 'twitter_complaints')

    def preprocess_function(examples):
        out = tokenizer([f"Tweet text : {x} Label : " for x in examples['Tweet text']],
                        padding='max_length', truncation=True, max_length=64)
        out['labels'] = out['input_ids'].copy()
        return out

    train_dataset = dataset['train'].map(preprocess_function, batched=True,
                                         remove_columns=dataset['train'].column_names)
    train_dataloader = DataLoader(train_dataset, shuffle=True, collate_fn=default_data_collator,
                                  batch_size=args.batch_size)

    peft_config = LoraConfig(task_type=TaskType.CAUSAL_LM, inference_mode=False, r=8, lora_alpha=32,
                             lora_dropout=0.1)
    model = AutoModelForCausalLM.from_pretrained(args.model_name_or_path)
    model = get_peft_model(model, peft_config)
    model.print_trainable_parameters()

    optimizer = torch.optim.AdamW(model.parameters(), lr=args.lr)
    lr_scheduler = get_linear_schedule_with_warmup(optimizer=optimizer, num_warmup_steps=0,
                                                   num_training_steps=len(train_dataloader) * args.num_epochs)
    model, train_dataloader, optimizer, lr_scheduler = accelerator.prepare(
        model, train_dataloader, optimizer, lr_scheduler)

    for epoch in range(args.num_epochs):
        model.train()
        for batch in train_dataloader:
            outputs = model(**batch)
            loss = outputs.loss
            accelerator.backward(loss)
            optimizer.step()
            lr_scheduler.step()
            optimizer.zero_grad()
        accelerator.print(f"epoch {epoch} loss {loss.item():.4f}")


if __name__ == '__main__':
    main()
