# Idiom seen in: tatsu-lab/stanford_alpaca train.py
# What it reproduces: Alpaca SFT with HfArgumentParser dataclasses and the Hugging Face Trainer; the user
# subclasses Trainer to add an explicit L2 penalty in compute_loss while the TrainingArguments dataclass
# defaults weight_decay to 0.1, so the Trainer's AdamW decays the same weight matrices again (user mistake).
from dataclasses import dataclass, field
from typing import Optional

import transformers

from l2_trainer import L2RegTrainer
from sft_data import make_supervised_data_module, smart_tokenizer_and_embedding_resize

DEFAULT_PAD_TOKEN = "[PAD]"


@dataclass
class ModelArguments:
    model_name_or_path: Optional[str] = field(default="facebook/opt-125m")


@dataclass
class DataArguments:
    data_path: str = field(default=None, metadata={"help": "Path to the training data."})


@dataclass
class TrainingArguments(transformers.TrainingArguments):
    cache_dir: Optional[str] = field(default=None)
    optim: str = field(default="adamw_torch")
    weight_decay: float = field(default=0.1)
    l2_lambda: float = field(default=1e-6)
    model_max_length: int = field(default=512)


def train():
    parser = transformers.HfArgumentParser((ModelArguments, DataArguments, TrainingArguments))
    model_args, data_args, training_args = parser.parse_args_into_dataclasses()

    model = transformers.AutoModelForCausalLM.from_pretrained(model_args.model_name_or_path,
                                                              cache_dir=training_args.cache_dir)
    tokenizer = transformers.AutoTokenizer.from_pretrained(
        model_args.model_name_or_path,
        cache_dir=training_args.cache_dir,
        model_max_length=training_args.model_max_length,
        padding_side="right",
        use_fast=False,
    )
    if tokenizer.pad_token is None:
        smart_tokenizer_and_embedding_resize(dict(pad_token=DEFAULT_PAD_TOKEN), tokenizer, model)

    data_module = make_supervised_data_module(tokenizer=tokenizer, data_args=data_args)
    trainer = L2RegTrainer(model=model, tokenizer=tokenizer, args=training_args,
                           l2_lambda=training_args.l2_lambda, **data_module)
    trainer.train()
    trainer.save_state()
    trainer.save_model(output_dir=training_args.output_dir)


if __name__ == "__main__":
    train()
