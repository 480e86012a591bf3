# Idiom seen in: hansungj/NLPLab scripts/gpt2/gpt2train.py
# Idiom seen in: hansungj/NLPLab scripts/run_scripts/gpt2-dual-single-gpu.sh
# What it reproduces: GPT-2 fine-tuning that groups parameters "if we are weight decaying" with the BERT list
#   ['bias', 'LayerNorm.weight'] and hands the groups to torch.optim.Adam: the decay is coupled L2, and GPT-2's
#   ln_1/ln_2/ln_f weights match nothing in the list, so they are decayed (the repo's own code; run with 0.01).
import argparse
import logging
import torch
import torch.nn as nn
from tqdm import tqdm
from transformers import GPT2Tokenizer, get_linear_schedule_with_warmup
import nli.utils as utils
from nli.dataloader import prepare_dataloader
from nli.pretrainlm.ft_dataloader import LMClassificationDataset, lm_transformer_collate_fn
from transformers import GPT2Model


class PretrainedDecoderTransformerDual(nn.Module):
    def __init__(self, model_name='gpt2', dropout=0.1):
        super().__init__()
        self.decoder = GPT2Model.from_pretrained(model_name)
        hidden = self.decoder.config.n_embd
        self.dropout = nn.Dropout(dropout)
        self.classifier = nn.Linear(2 * hidden, 1)
        self.loss_fn = nn.BCEWithLogitsLoss()

    def _encode(self, input_ids, masks, lengths, segment_ids):
        out = self.decoder(input_ids=input_ids, attention_mask=masks, token_type_ids=segment_ids)[0]
        idx = (lengths - 1).clamp(min=0)
        return out[torch.arange(out.size(0)), idx]

    def forward(self, input1, input2, length1, length2, masks1, masks2, segment_ids1, segment_ids2, labels=None):
        h1 = self._encode(input1, masks1, length1, segment_ids1)
        h2 = self._encode(input2, masks2, length2, segment_ids2)
        logits = self.classifier(self.dropout(torch.cat([h1, h2], dim=-1))).squeeze(-1)
        loss = self.loss_fn(logits, labels.float()) if labels is not None else None
        return logits, loss


logger = logging.getLogger(__name__)
parser = argparse.ArgumentParser()
parser.add_argument('--train_tsv', default='data/alphanli/tsv/train.tsv', type=str)
parser.add_argument('--batch_size', default=8, type=int)
parser.add_argument('--num_epochs', default=10, type=int)
parser.add_argument('--learning_rate', default=8e-5, type=float)
parser.add_argument('--optimizer', default='adam', help='adam/adamW/sgd/..')
parser.add_argument('--beta_1', default=0.99, type=float)
parser.add_argument('--beta_2', default=0.999, type=float)
parser.add_argument('--weight_decay', default=0.01, type=float)
parser.add_argument('--eps', default=1e-8, type=float)
parser.add_argument('--num_warming_steps', default=0.02, type=float)
parser.add_argument('--grad_norm_clip', default=1, type=float)


def main(args):
    utils.set_seed(1234)
    device = torch.device('cuda' if torch.cuda.is_available() else 'cpu')
    tokenizer = GPT2Tokenizer.from_pretrained('gpt2')
    tokenizer.add_special_tokens({'cls_token': '[CLS]'})
    train_dataset = LMClassificationDataset(data_path=args.train_tsv, tokenizer=tokenizer)
    train_loader, _, _ = prepare_dataloader(train_dataset, None, None, args.batch_size,
                                            collate_fn=lm_transformer_collate_fn, shuffle=True)

    model = PretrainedDecoderTransformerDual('gpt2').to(device)

    # group parameters if we are weight decaying
    if args.weight_decay:
        named_parameters = list(model.named_parameters())
        no_decay = ['bias', 'LayerNorm.weight']
        parameters = [
            {'params': [p for n, p in named_parameters if not any(nd in n for nd in no_decay)],  # expect: WD203
             'weight_decay': args.weight_decay},  # expect: WD202
            {'params': [p for n, p in named_parameters if any(nd in n for nd in no_decay)],
             'weight_decay': 0.0}]
    else:
        parameters = model.parameters()

    if args.optimizer == 'adam':
        optimizer = torch.optim.Adam(parameters, args.learning_rate, (args.beta_1, args.beta_2), args.eps)

    num_training_steps = len(train_loader) * args.num_epochs
    scheduler = get_linear_schedule_with_warmup(optimizer, int(num_training_steps * args.num_warming_steps),
                                                num_training_steps)

    for epoch in tqdm(range(args.num_epochs), desc='epoch'):
        model.train()
        for step, d in enumerate(train_loader):
            input1, input2 = d['input_ids']
            seg1, seg2 = d['segment_ids']
            mask1, mask2 = d['masks']
            length1, length2 = d['input_lengths']
            logits, loss = model(input1.to(device), input2.to(device), length1.to(device), length2.to(device),
                                 mask1.to(device), mask2.to(device), seg1.to(device), seg2.to(device),
                                 labels=d['label'].to(device))
            loss.backward()
            if args.grad_norm_clip:
                nn.utils.clip_grad_norm_(model.parameters(), args.grad_norm_clip)
            optimizer.step()
            scheduler.step()
            optimizer.zero_grad()
            logger.info('train_step: at step %d, loss = %f', step, loss.mean().item())


if __name__ == '__main__':
    logging.basicConfig(level=logging.INFO)
    main(parser.parse_args())
