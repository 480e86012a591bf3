# Idiom seen in: gz2214/Text2Trade code/bert_finetune.py
# What it reproduces: BertForSequenceClassification fine-tuning (headline -> up/down) with the HF-docs optimizer:
#   no_decay = ['bias', 'LayerNorm.weight'] at 0.0, everything else at 0.01, AdamW, linear warmup; BERT's norms are
#   all named LayerNorm, so the split is complete, and outputs.loss is what is trained (clean).
import torch
from torch.utils.data import DataLoader
from transformers import AdamW, BertForSequenceClassification, BertTokenizer, get_linear_schedule_with_warmup

from text2trade.data import load_headlines, HeadlineDataset

EPOCHS = 3
BATCH_SIZE = 16
LR = 1e-5
WEIGHT_DECAY = 0.01
WARMUP_FRACTION = 0.1

device = torch.device('cuda' if torch.cuda.is_available() else 'cpu')

tokenizer = BertTokenizer.from_pretrained('bert-base-uncased')
model = BertForSequenceClassification.from_pretrained('bert-base-uncased', num_labels=2, return_dict=True)
model.to(device)
model.train()

train_df, val_df = load_headlines('data/headlines_with_returns.csv')
train_loader = DataLoader(HeadlineDataset(train_df, tokenizer, max_len=64), batch_size=BATCH_SIZE, shuffle=True)
val_loader = DataLoader(HeadlineDataset(val_df, tokenizer, max_len=64), batch_size=BATCH_SIZE)

no_decay = ['bias', 'LayerNorm.weight']
optimizer_grouped_parameters = [
    {'params': [p for n, p in model.named_parameters() if not any(nd in n for nd in no_decay)],
     'weight_decay': WEIGHT_DECAY},
    {'params': [p for n, p in model.named_parameters() if any(nd in n for nd in no_decay)],
     'weight_decay': 0.0}
]
optimizer = AdamW(optimizer_grouped_parameters, lr=LR)

num_train_steps = len(train_loader) * EPOCHS
scheduler = get_linear_schedule_with_warmup(optimizer, int(WARMUP_FRACTION * num_train_steps), num_train_steps)

for epoch in range(EPOCHS):
    model.train()
    for batch in train_loader:
        input_ids = batch['input_ids'].to(device)
        attention_mask = batch['attention_mask'].to(device)
        labels = batch['labels'].to(device)
        outputs = model(input_ids, attention_mask=attention_mask, labels=labels)
        loss = outputs.loss
        optimizer.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        optimizer.step()
        scheduler.step()

    model.eval()
    correct, total = 0, 0
    with torch.no_grad():
        for batch in val_loader:
            logits = model(batch['input_ids'].to(device), attention_mask=batch['attention_mask'].to(device)).logits
            correct += (logits.argmax(-1).cpu() == batch['labels']).sum().item()
            total += len(batch['labels'])
    print('epoch {} val acc {:.4f}'.format(epoch, correct / max(1, total)))
