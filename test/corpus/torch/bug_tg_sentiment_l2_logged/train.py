# Idiom seen in: Mikezz1/tg-sentiment nn/nn.py
# Idiom seen in: Mikezz1/tg-sentiment nn/config.py
# What it reproduces: the fine-tune driver: transformers AdamW over no-decay groups that cover the head's
#   layer_norm as well as BERT's LayerNorm, linear warmup; the finding is in nn_model.train_epoch.
import torch
import torch.nn as nn
import wandb
from transformers import AdamW, AutoTokenizer, get_linear_schedule_with_warmup

from config import cfg
from nn_model import TgClassifier, train_epoch
from data_pipeline import load_splits, create_data_loader

device = 'cuda' if torch.cuda.is_available() else 'cpu'


def main():
    torch.manual_seed(cfg['SEED'])
    wandb.init(project='tg-sentiment', config=cfg)
    tokenizer = AutoTokenizer.from_pretrained(cfg['model_name'])
    train_df, valid_df = load_splits()
    train_loader = create_data_loader(train_df.text.values, train_df.label.values, tokenizer,
                                      batch_size=16, max_len=cfg['max_len'], shuffle=True)

    model = TgClassifier(n_classes=3).to(device)
    no_decay = ['bias', 'LayerNorm.weight', 'layer_norm.weight']
    grouped = [
        {'params': [p for n, p in model.named_parameters() if not any(nd in n for nd in no_decay)],
         'weight_decay': cfg['weight_decay']},
        {'params': [p for n, p in model.named_parameters() if any(nd in n for nd in no_decay)],
         'weight_decay': 0.0},
    ]
    optimizer = AdamW(grouped, lr=cfg['lr'], correct_bias=cfg['correct_bias'])
    total_steps = len(train_loader) * cfg['epochs']
    scheduler = get_linear_schedule_with_warmup(optimizer, num_warmup_steps=int(0.1 * total_steps),
                                                num_training_steps=total_steps)
    loss_fn = nn.CrossEntropyLoss().to(device)
    for epoch in range(cfg['epochs']):
        train_epoch(model, loss_fn, optimizer, train_loader, scheduler=scheduler, device=device)


if __name__ == '__main__':
    main()
