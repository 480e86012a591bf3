# Idiom seen in: boostcampaitech2/mrc-level2-nlp-14 solution/args/training_args.py
# What it reproduces: task-specific fields added to a TrainingArguments dataclass subclass, with the decay
#   default raised to 0.01 for the reader fine-tuning.
from dataclasses import dataclass, field

from transformers import TrainingArguments


@dataclass
class MrcTrainingArguments(TrainingArguments):
    weight_decay: float = field(default=0.01, metadata={"help": "Weight decay for AdamW if we apply some."})
    max_answer_length: int = field(
        default=30,
        metadata={"help": "The maximum length of an answer that can be generated."},
    )
    do_pos_ensemble: bool = field(default=False, metadata={"help": "Whether to use Part-of-Speech in train"})


@dataclass
class MrcModelArguments:
    model_name_or_path: str = field(default="klue/roberta-large")
    tokenizer_name: str = field(default=None)


@dataclass
class MrcDataArguments:
    dataset_path: str = field(default="../data/train_dataset")
    max_seq_length: int = field(default=384)
    doc_stride: int = field(default=128)
