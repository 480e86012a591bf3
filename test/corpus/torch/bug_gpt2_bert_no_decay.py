# Idiom seen in: YutingYantina/TikTok_Video_Content_Dissemination_Analysis Tuned_GPT2_week7/train_tuned_gpt2_model.py
# What it reproduces: GPT-2 fine-tuning loop where the user pasted BERT's no_decay = ["bias", "LayerNorm.weight"]
#   split (a realistic mistake in this idiom): GPT-2 names its norms ln_1/ln_2/ln_f, so their weights land in the
#   decayed group of torch AdamW(weight_decay=0.01) - the no-decay split misses the normalization params.
import argparse

import torch
from torch.optim import AdamW
from torch.utils.data import DataLoader
from transformers import GPT2LMHeadModel, GPT2Tokenizer, get_scheduler

from tiktok_data import load_captions


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--learning_rate', type=float, default=5e-5)
    parser.add_argument('--weight_decay', type=float, default=0.01)
    parser.add_argument('--adam_epsilon', type=float, default=1e-8)
    parser.add_argument('--num_epochs', type=int, default=3)
    parser.add_argument('--batch_size', type=int, default=8)
    args = parser.parse_args()

    tokenizer = GPT2Tokenizer.from_pretrained('gpt2')
    tokenizer.pad_token = tokenizer.eos_token
    model = GPT2LMHeadModel.from_pretrained('gpt2')
    train_dataloader = DataLoader(load_captions(tokenizer), batch_size=args.batch_size, shuffle=True)

    no_decay = ["bias", "LayerNorm.weight"]
    optimizer_grouped_parameters = [
        {"params": [p for n, p in model.named_parameters() if not any(nd in n for nd in no_decay)],  # expect: WD203
         "weight_decay": args.weight_decay},
        {"params": [p for n, p in model.named_parameters() if any(nd in n for nd in no_decay)],
         "weight_decay": 0.0},
    ]
    optimizer = AdamW(optimizer_grouped_parameters, lr=args.learning_rate, eps=args.adam_epsilon)  # label moved to the decaying group (line 31): docs/rules/WD203.md reports a no-decay split that misses the norms on that group's params entry

    num_training_steps = args.num_epochs * len(train_dataloader)
    lr_scheduler = get_scheduler(name="linear", optimizer=optimizer, num_warmup_steps=0,
                                 num_training_steps=num_training_steps)
    device = torch.device("cuda") if torch.cuda.is_available() else torch.device("cpu")
    model.to(device)
    model.train()
    for epoch in range(args.num_epochs):
        for batch in train_dataloader:
            batch = {k: v.to(device) for k, v in batch.items()}
            outputs = model(**batch)
            loss = outputs.loss
            loss.backward()
            optimizer.step()
            lr_scheduler.step()
            optimizer.zero_grad()
    model.save_pretrained('./fine_tuned_gpt2_model')
    tokenizer.save_pretrained('./fine_tuned_gpt2_model')


if __name__ == '__main__':
    main()
