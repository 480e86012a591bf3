# Idiom seen in: monologg/JointBERT main.py
# Idiom seen in: monologg/JointBERT trainer.py
# What it reproduces: the JointBERT entry point (ATIS/SNIPS style intent + slot data) with argparse defaults;
#   weight decay 0.01 goes to the trainer's AdamW weight group only: clean.
import argparse

from data_loader import load_and_cache_examples
from trainer import Trainer
from utils import init_logger, load_tokenizer


def main(args):
    init_logger()
    tokenizer = load_tokenizer(args)
    train_dataset = load_and_cache_examples(args, tokenizer, mode="train")
    dev_dataset = load_and_cache_examples(args, tokenizer, mode="dev")

    trainer = Trainer(args, train_dataset, dev_dataset)
    if args.do_train:
        trainer.train()


if __name__ == '__main__':
    parser = argparse.ArgumentParser()
    parser.add_argument("--task", default="atis", type=str, help="The name of the task to train")
    parser.add_argument("--data_dir", default="./data", type=str)
    parser.add_argument("--intent_label_file", default="intent_label.txt", type=str)
    parser.add_argument("--slot_label_file", default="slot_label.txt", type=str)
    parser.add_argument("--model_name_or_path", default="bert-base-uncased", type=str)
    parser.add_argument("--batch_size", default=32, type=int)
    parser.add_argument("--learning_rate", default=5e-5, type=float)
    parser.add_argument("--num_train_epochs", default=10.0, type=float)
    parser.add_argument("--weight_decay", default=0.01, type=float)
    parser.add_argument("--gradient_accumulation_steps", type=int, default=1)
    parser.add_argument("--adam_epsilon", default=1e-8, type=float)
    parser.add_argument("--max_grad_norm", default=1.0, type=float)
    parser.add_argument("--warmup_steps", default=0, type=int)
    parser.add_argument("--dropout_rate", default=0.1, type=float)
    parser.add_argument("--slot_loss_coef", type=float, default=1.0)
    parser.add_argument("--ignore_index", default=0, type=int)
    parser.add_argument("--seed", type=int, default=1234)
    parser.add_argument("--do_train", action="store_true")
    parser.add_argument("--no_cuda", action="store_true")
    main(parser.parse_args())
