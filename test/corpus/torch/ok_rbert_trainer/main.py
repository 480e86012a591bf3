# Idiom seen in: monologg/R-BERT main.py
# What it reproduces: argparse entry point handing args to the Trainer (weight_decay 0.0 by default,
# applied only to the decay group when set).
import argparse

from data_loader import load_and_cache_examples
from trainer import Trainer
from utils import init_logger, load_tokenizer, set_seed


def main(args):
    init_logger()
    set_seed(args)
    tokenizer = load_tokenizer(args)
    train_dataset = load_and_cache_examples(args, tokenizer, mode="train")
    trainer = Trainer(args, train_dataset=train_dataset)
    if args.do_train:
        trainer.train()


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--task", default="semeval", type=str)
    parser.add_argument("--data_dir", default="./data", type=str)
    parser.add_argument("--model_name_or_path", type=str, default="bert-base-uncased")
    parser.add_argument("--seed", type=int, default=77)
    parser.add_argument("--train_batch_size", default=16, type=int)
    parser.add_argument("--max_seq_len", default=384, type=int)
    parser.add_argument("--learning_rate", default=2e-5, type=float)
    parser.add_argument("--num_train_epochs", default=10.0, type=float)
    parser.add_argument("--weight_decay", default=0.0, type=float)
    parser.add_argument("--gradient_accumulation_steps", type=int, default=1)
    parser.add_argument("--adam_epsilon", default=1e-8, type=float)
    parser.add_argument("--max_grad_norm", default=1.0, type=float)
    parser.add_argument("--warmup_steps", default=0, type=int)
    parser.add_argument("--dropout_rate", default=0.1, type=float)
    parser.add_argument("--do_train", action="store_true")
    parser.add_argument("--no_cuda", action="store_true")
    main(parser.parse_args())
