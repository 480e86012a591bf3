# Idiom seen in: CassiniHuy/wav2vec2_finetune wav2vec2/train_utils.py
# What it reproduces: the same wav2vec2 CTC fine-tune moved from the Trainer to a hand-written loop with the
#   BERT recipe no_decay = ["bias", "LayerNorm.weight"]; wav2vec2 names its norms layer_norm /
#   final_layer_norm, so every norm weight stays in the decayed AdamW group (a user mistake; the repo uses Trainer).
import argparse

import torch
from torch.optim import AdamW
from torch.utils.data import DataLoader
from transformers import Wav2Vec2ForCTC, Wav2Vec2Processor, get_linear_schedule_with_warmup

from corpus import load_corpus
from train_utils import DataCollatorCTCWithPadding, preprocess

parser = argparse.ArgumentParser()
parser.add_argument('--model', default='facebook/wav2vec2-base')
parser.add_argument('--lr', type=float, default=1e-4)
parser.add_argument('--weight_decay', type=float, default=0.005)
parser.add_argument('--epochs', type=int, default=30)
parser.add_argument('--warmup_steps', type=int, default=1000)
args = parser.parse_args()

processor = Wav2Vec2Processor.from_pretrained(args.model)
model = Wav2Vec2ForCTC.from_pretrained(args.model, ctc_loss_reduction="mean",
                                       pad_token_id=processor.tokenizer.pad_token_id)
model.freeze_feature_encoder()
device = torch.device('cuda' if torch.cuda.is_available() else 'cpu')
model.to(device)

no_decay = ["bias", "LayerNorm.weight"]
optimizer_grouped_parameters = [
    {
        "params": [p for n, p in model.named_parameters() if not any(nd in n for nd in no_decay)],  # expect: WD203
        "weight_decay": args.weight_decay,
    },
    {
        "params": [p for n, p in model.named_parameters() if any(nd in n for nd in no_decay)],
        "weight_decay": 0.0,
    },
]
optimizer = AdamW(optimizer_grouped_parameters, lr=args.lr)

train_set, _ = load_corpus()
loader = DataLoader(preprocess(processor, train_set), batch_size=16, shuffle=True,
                    collate_fn=DataCollatorCTCWithPadding(processor=processor, padding=True))
scheduler = get_linear_schedule_with_warmup(optimizer, num_warmup_steps=args.warmup_steps,
                                            num_training_steps=len(loader) * args.epochs)

model.train()
for epoch in range(args.epochs):
    for batch in loader:
        batch = {k: v.to(device) for k, v in batch.items()}
        loss = model(**batch).loss
        optimizer.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        optimizer.step()
        scheduler.step()
