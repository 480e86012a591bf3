# Idiom seen in: EpiCuRus-dude/Trash_2 OverFit/LoRA.py
# What it reproduces: the note's explicit L2 over the trainable (LoRA) parameters added to the causal-LM loss, with
#   torch.optim.AdamW(trainable, lr) left at its default weight_decay=0.01 (user wiring of the note's snippet), so the
#   same LoRA matrices are decayed twice.
import argparse

import torch
from peft import LoraConfig, get_peft_model
from transformers import AutoModelForCausalLM, AutoTokenizer

from data import build_dataloader


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--base_model", type=str, default="meta-llama/Llama-2-7b-hf")
    parser.add_argument("--lr", type=float, default=2e-4)
    parser.add_argument("--l2_lambda", type=float, default=1e-4)
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--batch_size", type=int, default=4)
    args = parser.parse_args()

    tokenizer = AutoTokenizer.from_pretrained(args.base_model)
    model = AutoModelForCausalLM.from_pretrained(args.base_model, torch_dtype=torch.bfloat16)
    lora_config = LoraConfig(r=8, lora_alpha=16, lora_dropout=0.05, bias="none",
                             target_modules=["q_proj", "v_proj"], task_type="CAUSAL_LM")
    model = get_peft_model(model, lora_config)
    model.print_trainable_parameters()

    trainable = [p for p in model.parameters() if p.requires_grad]
    optimizer = torch.optim.AdamW(trainable, lr=args.lr)
    loader = build_dataloader(tokenizer, batch_size=args.batch_size)

    model.train()
    for epoch in range(args.epochs):
        for step, batch in enumerate(loader):
            out = model(**batch)
            l2_penalty = sum(torch.sum(param ** 2) for param in model.parameters() if param.requires_grad)  # expect: WD201
            loss = out.loss + args.l2_lambda * l2_penalty
            loss.backward()
            optimizer.step()
            optimizer.zero_grad()
            if step % 50 == 0:
                print(f"epoch {epoch} step {step} loss {out.loss.item():.4f} l2 {l2_penalty.item():.2f}")


if __name__ == "__main__":
    main()
