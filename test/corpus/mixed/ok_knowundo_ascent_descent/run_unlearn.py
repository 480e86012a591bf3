# Idiom seen in: zjunlp/KnowUnDo llm_unlearn/run_unlearn_lora.py
# Idiom seen in: zjunlp/KnowUnDo llm_unlearn/methods/unlearning_argument.py
# What it reproduces: HfArgumentParser over a TrainingArguments subclass (weight_decay given on the command
# line, 0.01 by default here), the AscentPlusDescentTrainer built with those args and the Trainer's default
# AdamW, which splits decay from bias/LayerNorm parameters itself. Clean.
from dataclasses import dataclass, field

import torch
from transformers import AutoModelForCausalLM, AutoTokenizer, HfArgumentParser, TrainingArguments

from ascent_plus_descent import AscentPlusDescentDataCollator, AscentPlusDescentTrainer


@dataclass
class UnlearningArguments(TrainingArguments):
    do_unlearn: bool = field(default=False, metadata={"help": "Whether to run unlearning."})
    unlearn_method: str = field(default="ascent_plus_descent", metadata={"help": "The unlearning method."})
    weight_decay: float = field(default=0.01, metadata={"help": "Weight decay for AdamW."})
    general: bool = field(default=False)


@dataclass
class ModelArguments:
    model_name_or_path: str = field(default="meta-llama/Llama-2-7b-chat-hf")


@dataclass
class DataArguments:
    dataset_path: str = field(default="./tokenized_dataset/ascent_plus_descent/tokenized_dataset.pt")
    max_train_samples: int = field(default=None)


def main():
    parser = HfArgumentParser((ModelArguments, DataArguments, UnlearningArguments))
    model_args, data_args, training_args = parser.parse_args_into_dataclasses()

    tokenizer = AutoTokenizer.from_pretrained(model_args.model_name_or_path)
    tokenizer.pad_token = tokenizer.eos_token
    model = AutoModelForCausalLM.from_pretrained(model_args.model_name_or_path, torch_dtype=torch.bfloat16)

    train_dataset = torch.load(data_args.dataset_path)
    if data_args.max_train_samples is not None:
        train_dataset = train_dataset.select(range(min(len(train_dataset), data_args.max_train_samples)))

    unlearner = AscentPlusDescentTrainer(
        model=model,
        args=training_args,
        train_dataset=train_dataset,
        tokenizer=tokenizer,
        data_collator=AscentPlusDescentDataCollator(tokenizer),
    )
    unlearner.train()
    unlearner.save_model(training_args.output_dir)


if __name__ == "__main__":
    main()
