# Idiom seen in: tapir-mirror/model_finetune lora.py
# What it reproduces: a causal LM wrapped by get_peft_model(LoraConfig(bias="none")) in a helper module, then a
#   plain loop with torch.optim.AdamW(model.parameters(), weight_decay=0.01): only the LoRA matrices get
#   gradients, so the frozen biases/norms receive no decay. Clean.
import argparse

import torch
from datasets import load_dataset
from torch.utils.data import DataLoader
from transformers import AutoModelForCausalLM, AutoTokenizer, DataCollatorForLanguageModeling, get_cosine_schedule_with_warmup

from lora import add_lora


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", default="TinyLlama/TinyLlama-1.1B-Chat-v1.0")
    parser.add_argument("--data", default="data/instructions.jsonl")
    parser.add_argument("--lr", type=float, default=2e-4)
    parser.add_argument("--epochs", type=int, default=2)
    args = parser.parse_args()

    tokenizer = AutoTokenizer.from_pretrained(args.model)
    tokenizer.pad_token = tokenizer.eos_token
    model = AutoModelForCausalLM.from_pretrained(args.model, torch_dtype=torch.bfloat16)
    model = add_lora(model)

    ds = load_dataset("json", data_files=args.data)["train"]
    ds = ds.map(lambda ex: tokenizer(ex["text"], truncation=True, max_length=512), remove_columns=ds.column_names)
    loader = DataLoader(ds, batch_size=4, shuffle=True,
                        collate_fn=DataCollatorForLanguageModeling(tokenizer, mlm=False))

    optimizer = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=0.01)
    scheduler = get_cosine_schedule_with_warmup(optimizer, 50, len(loader) * args.epochs)

    model.train()
    for epoch in range(args.epochs):
        for step, batch in enumerate(loader):
            batch = {k: v.to(model.device) for k, v in batch.items()}
            loss = model(**batch).loss
            loss.backward()
            optimizer.step()
            scheduler.step()
            optimizer.zero_grad()
            if step % 50 == 0:
                print(f"epoch {epoch} step {step} loss {loss.item():.4f}")
    model.save_pretrained("lora-adapter")


if __name__ == "__main__":
    main()
