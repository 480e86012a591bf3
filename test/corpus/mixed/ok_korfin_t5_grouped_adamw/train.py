# Idiom seen in: guijinSON/KorFin_ASC src/utils.py
# Idiom seen in: guijinSON/KorFin_ASC src/train.py
# What it reproduces: T5 fine-tuning with a transformers AdamW over a named no-decay split; the split names T5 norms the way T5 spells
# them (layer_norm.weight, also matching final_layer_norm) and T5 has no biases, so only the matrices decay. Clean (the repo had 0.0 in both groups).
import torch
import tqdm
import wandb


def single_epoch_train_T5(model, optimizer, train_loader, gradient_accumulation_steps=1, device="cuda:0"):
    model.train()
    loader = tqdm.tqdm(train_loader)
    for idx, batch in enumerate(loader):
        outputs = model(
            input_ids=batch["src_input_ids"].to(device),
            attention_mask=batch["src_attention_mask"].to(device),
            labels=batch["tgt_input_ids"].to(device),
            decoder_attention_mask=batch["tgt_attention_mask"].to(device),
        )
        loss = outputs[0]
        wandb.log({"Training Loss": loss.item()})
        loss.backward()
        if idx % gradient_accumulation_steps == 0:
            optimizer.step()
            optimizer.zero_grad()


@torch.no_grad()
def single_epoch_test_T5(model, loader, tokenizer, device="cuda:0"):
    model.eval()
    correct, total = 0, 0
    for batch in tqdm.tqdm(loader):
        outputs = model.generate(input_ids=batch["src_input_ids"].to(device),
                                 attention_mask=batch["src_attention_mask"].to(device),
                                 max_length=32, num_beams=3, early_stopping=True).detach().cpu()
        preds = [s.split()[-1].strip() for s in tokenizer.batch_decode(outputs, skip_special_tokens=True)]
        correct += sum(p == t for p, t in zip(preds, batch["label"]))
        total += len(preds)
    wandb.log({"Test Accuracy": correct / max(total, 1)})
