# Idiom seen in: vTuanpham/Vietnamese_QA_System train.py
# What it reproduces: the argparse front end (weight_decay default 0.2, PagedAdamW8bit) that hands its
#   namespace to the accelerate/PEFT trainer above. Clean.
import argparse

from src.data.qa_dataloader import QADataloader
from trainer import train


def parse_arguments():
    parser = argparse.ArgumentParser(description="LoRA instruction tuning for Vietnamese QA")
    parser.add_argument("--model_name_or_path", type=str, default="EleutherAI/gpt-neo-125m")
    parser.add_argument("--train_file", type=str, required=True)
    parser.add_argument("--output_dir", type=str, default="./")
    parser.add_argument("--lora_r", type=int, default=16)
    parser.add_argument("--lora_alpha", type=int, default=32)
    parser.add_argument("--lora_dropout", type=float, default=0.05)
    parser.add_argument("--target_modules", nargs="+", default=["q_proj", "v_proj"])
    training_group = parser.add_argument_group("training")
    training_group.add_argument("--lr", type=float, default=3e-4)
    training_group.add_argument("--weight_decay", type=float, default=0.2, help="Weight decay")
    training_group.add_argument("--optim_name", type=str, default="PagedAdamW8bit")
    training_group.add_argument("--lr_sheduler_name", type=str, default="cosine")
    training_group.add_argument("--warmup_steps", type=int, default=0)
    training_group.add_argument("--num_epochs", type=int, default=2)
    training_group.add_argument("--train_batch_size", type=int, default=4)
    training_group.add_argument("--gradient_accumulation_steps", type=int, default=32)
    return parser.parse_args()


if __name__ == "__main__":
    args = parse_arguments()
    dataloader = QADataloader(args.model_name_or_path, args.train_file, batch_size=args.train_batch_size).get_dataloader()
    train(args, dataloader)
