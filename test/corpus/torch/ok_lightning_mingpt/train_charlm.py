# Idiom seen in: williamFalcon/minGPT play_char.py
# What it reproduces: the character-level training script handing the GPT LightningModule to pl.Trainer. Clean.
import argparse

import pytorch_lightning as pl
from torch.utils.data import DataLoader

from char_dataset import CharDataset
from model import GPT

parser = argparse.ArgumentParser()
parser.add_argument('--input', default='input.txt')
parser.add_argument('--block_size', type=int, default=128)
parser.add_argument('--batch_size', type=int, default=64)
parser.add_argument('--max_epochs', type=int, default=2)
args = parser.parse_args()

text = open(args.input, 'r').read()
train_dataset = CharDataset(text, args.block_size)
train_loader = DataLoader(train_dataset, batch_size=args.batch_size, shuffle=True, num_workers=4)
model = GPT(vocab_size=train_dataset.vocab_size, block_size=train_dataset.block_size,
            n_layer=8, n_head=8, n_embd=512, learning_rate=6e-4, weight_decay=0.1)
trainer = pl.Trainer(max_epochs=args.max_epochs, gradient_clip_val=1.0, precision=16)
trainer.fit(model, train_loader)
