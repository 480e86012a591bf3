# Idiom seen in: codertimo/BERT-pytorch bert_pytorch/trainer/pretrain.py
# Idiom seen in: codertimo/BERT-pytorch bert_pytorch/__main__.py
# What it reproduces: BERTTrainer builds Adam(model.parameters(), weight_decay=0.01) from --adam_weight_decay;
#   the real repo shipped this coupled L2 on all params incl. LayerNorm/bias before switching to AdamW.
import argparse

from torch.utils.data import DataLoader

from dataset import BERTDataset, WordVocab
from model import BERT
from trainer import BERTTrainer


def train():
    parser = argparse.ArgumentParser()
    parser.add_argument("-c", "--train_dataset", required=True, type=str)
    parser.add_argument("-t", "--test_dataset", type=str, default=None)
    parser.add_argument("-v", "--vocab_path", required=True, type=str)
    parser.add_argument("-o", "--output_path", required=True, type=str)
    parser.add_argument("-hs", "--hidden", type=int, default=256)
    parser.add_argument("-l", "--layers", type=int, default=8)
    parser.add_argument("-a", "--attn_heads", type=int, default=8)
    parser.add_argument("-s", "--seq_len", type=int, default=20)
    parser.add_argument("-b", "--batch_size", type=int, default=64)
    parser.add_argument("-e", "--epochs", type=int, default=10)
    parser.add_argument("--lr", type=float, default=1e-3, help="learning rate of adam")
    parser.add_argument("--adam_weight_decay", type=float, default=0.01, help="weight_decay of adam")
    parser.add_argument("--adam_beta1", type=float, default=0.9)
    parser.add_argument("--adam_beta2", type=float, default=0.999)
    args = parser.parse_args()

    vocab = WordVocab.load_vocab(args.vocab_path)
    train_dataset = BERTDataset(args.train_dataset, vocab, seq_len=args.seq_len)
    test_dataset = BERTDataset(args.test_dataset, vocab, seq_len=args.seq_len) \
        if args.test_dataset is not None else None
    train_data_loader = DataLoader(train_dataset, batch_size=args.batch_size)
    test_data_loader = DataLoader(test_dataset, batch_size=args.batch_size) if test_dataset else None

    bert = BERT(len(vocab), hidden=args.hidden, n_layers=args.layers, attn_heads=args.attn_heads)
    trainer = BERTTrainer(bert, len(vocab), train_dataloader=train_data_loader, test_dataloader=test_data_loader,
                          lr=args.lr, betas=(args.adam_beta1, args.adam_beta2), weight_decay=args.adam_weight_decay)

    for epoch in range(args.epochs):
        trainer.train(epoch)
        trainer.save(epoch, args.output_path)
        if test_data_loader is not None:
            trainer.test(epoch)


if __name__ == "__main__":
    train()
