# Idiom seen in: princeton-nlp/SimCSE train.py
# What it reproduces: SimCSE's training script: HfArgumentParser over OurTrainingArguments (a TrainingArguments
# subclass, here with weight_decay defaulting to 0.01 and an l2_reg field) and CLTrainer; the Trainer builds its own
# decayed AdamW, and trainers.py adds a second L2 penalty on the same weights (WD201 labelled there).

import logging
import sys
from dataclasses import dataclass, field
from typing import Optional

from datasets import load_dataset
from transformers import AutoConfig, AutoTokenizer, HfArgumentParser, TrainingArguments, set_seed

from simcse.models import BertForCL
from simcse.data import OurDataCollatorWithPadding, prepare_features
from trainers import CLTrainer

logger = logging.getLogger(__name__)


@dataclass
class ModelArguments:
    model_name_or_path: Optional[str] = field(default="bert-base-uncased")
    temp: float = field(default=0.05, metadata={"help": "Temperature for softmax."})
    pooler_type: str = field(default="cls")


@dataclass
class DataTrainingArguments:
    train_file: Optional[str] = field(default="data/wiki1m_for_simcse.txt")
    max_seq_length: Optional[int] = field(default=32)


@dataclass
class OurTrainingArguments(TrainingArguments):
    eval_transfer: bool = field(default=False, metadata={"help": "Evaluate transfer task dev sets (in validation)."})
    weight_decay: float = field(default=0.01, metadata={"help": "Weight decay for AdamW."})
    l2_reg: float = field(default=1e-5, metadata={"help": "Extra L2 penalty on all parameters."})


def main():
    parser = HfArgumentParser((ModelArguments, DataTrainingArguments, OurTrainingArguments))
    model_args, data_args, training_args = parser.parse_args_into_dataclasses()
    set_seed(training_args.seed)

    datasets = load_dataset("text", data_files={"train": data_args.train_file}, cache_dir="./data/")
    config = AutoConfig.from_pretrained(model_args.model_name_or_path)
    tokenizer = AutoTokenizer.from_pretrained(model_args.model_name_or_path)
    model = BertForCL.from_pretrained(model_args.model_name_or_path, config=config, model_args=model_args)

    train_dataset = datasets["train"].map(
        lambda examples: prepare_features(examples, tokenizer, data_args.max_seq_length),
        batched=True, remove_columns=datasets["train"].column_names)

    trainer = CLTrainer(
        model=model,
        args=training_args,
        train_dataset=train_dataset,
        tokenizer=tokenizer,
        data_collator=OurDataCollatorWithPadding(tokenizer),
    )
    train_result = trainer.train(model_path=model_args.model_name_or_path)
    trainer.save_model()
    logger.info("train metrics: %s", train_result.metrics)


if __name__ == "__main__":
    main()
