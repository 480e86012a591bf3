# Idiom seen in: repository not resolved by the code index (index file id 46938681755: get_bert_adam_optim(named_params, learning_rate, w_decay), no_decay groups only when w_decay != 0)
# What it reproduces: an optimizer helper whose decay branch (no_decay groups + weight_decay=w_decay) is guarded
# by `if w_decay > 0`, while both call sites pass 0, so the decay machinery never runs (WD303). Clean otherwise.
import argparse
import logging

import torch
from torch.optim import AdamW
from transformers import BertModel, BertTokenizerFast

from typing_data import EntityTypingDataset, make_batches  # not in this folder

logger = logging.getLogger(__name__)


def get_bert_adam_optim(named_params, learning_rate, w_decay):
    if w_decay > 0:  # expect: WD303
        no_decay = ["bias", "LayerNorm"]
        grouped = [
            {"params": [p for n, p in named_params if not any(nd in n for nd in no_decay)], "weight_decay": w_decay},
            {"params": [p for n, p in named_params if any(nd in n for nd in no_decay)], "weight_decay": 0.0},
        ]
        assert len(grouped[1]["params"]) != 0
        return AdamW(grouped, lr=learning_rate, weight_decay=w_decay)
    return AdamW([p for _, p in named_params], lr=learning_rate, weight_decay=0.0)


class TypingHead(torch.nn.Module):
    def __init__(self, hidden, n_types):
        super().__init__()
        self.proj = torch.nn.Linear(hidden, hidden)
        self.LayerNorm = torch.nn.LayerNorm(hidden)
        self.out = torch.nn.Linear(hidden, n_types)

    def forward(self, h):
        return self.out(self.LayerNorm(torch.tanh(self.proj(h))))


def train(args):
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    tokenizer = BertTokenizerFast.from_pretrained(args.bert_model)
    bert = BertModel.from_pretrained(args.bert_model).to(device)
    dataset = EntityTypingDataset(args.train_file, tokenizer)
    head = TypingHead(bert.config.hidden_size, dataset.n_types).to(device)

    bert_optim = get_bert_adam_optim(list(bert.named_parameters()), args.bert_lr, 0)
    head_optim = get_bert_adam_optim(list(head.named_parameters()), args.lr, 0.0)
    loss_fn = torch.nn.BCEWithLogitsLoss()

    step = 0
    for epoch in range(args.epochs):
        for input_ids, attn_mask, mention_pos, labels in make_batches(dataset, args.batch_size, device):
            hidden = bert(input_ids=input_ids, attention_mask=attn_mask).last_hidden_state
            mention = hidden[torch.arange(hidden.size(0)), mention_pos]
            logits = head(mention)
            loss = loss_fn(logits, labels.float())

            bert_optim.zero_grad()
            head_optim.zero_grad()
            loss.backward()
            bert_optim.step()
            head_optim.step()
            step += 1
            if step % 100 == 0:
                logger.info("epoch %d step %d loss %.4f", epoch, step, loss.item())


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--bert_model", default="bert-base-cased")
    parser.add_argument("--train_file", required=True)
    parser.add_argument("--bert_lr", type=float, default=2e-5)
    parser.add_argument("--lr", type=float, default=1e-3)
    parser.add_argument("--batch_size", type=int, default=32)
    parser.add_argument("--epochs", type=int, default=3)
    logging.basicConfig(level=logging.INFO)
    train(parser.parse_args())
