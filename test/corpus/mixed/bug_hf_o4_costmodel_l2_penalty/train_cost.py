# Idiom seen in: iyaja/O4 train_cost.py
# Idiom seen in: iyaja/O4 o4/models/cost.py
# What it reproduces: a transformers Trainer subclass whose compute_loss adds an L2 penalty on every parameter of its model argument,
# while TrainingArguments(weight_decay=0.01) already makes the Trainer AdamW decay the same weights: double decay (WD201, user mistake; the repo had the decay commented out).
import compiler_gym  # registers the CompilerGym environments
import gym
from transformers import (
    DataCollatorWithPadding,
    PreTrainedTokenizerFast,
    RobertaForSequenceClassification,
    TrainingArguments,
)

from o4.data import prepare_cost_dataset
from o4.models import CostModelTrainer

SAMPLES = 64
PHASES = 32


def main():
    env = gym.make("llvm-ic-v0")

    tokenizer = PreTrainedTokenizerFast(tokenizer_file="tokenizer.json", max_len_single_sentence=512)
    tokenizer.add_tokens(env.action_space.names)
    tokenizer.add_special_tokens({"cls_token": "[CLS]", "pad_token": "[PAD]", "sep_token": "[SEP]"})

    model = RobertaForSequenceClassification.from_pretrained("microsoft/codebert-base-mlm", num_labels=1)
    model.resize_token_embeddings(len(tokenizer))

    training_dataset = prepare_cost_dataset(tokenizer, env, data_files="data/npd-v0.csv")
    data_collator = DataCollatorWithPadding(tokenizer=tokenizer)

    training_args = TrainingArguments(
        output_dir="results/cost",
        learning_rate=2e-5,
        per_device_train_batch_size=24,
        num_train_epochs=20,
        weight_decay=0.01,
        report_to="wandb",
        run_name=f"codebert-llvm-ic-{SAMPLES}-{PHASES}",
    )

    trainer = CostModelTrainer(
        model=model,
        args=training_args,
        train_dataset=training_dataset["train"],
        tokenizer=tokenizer,
        data_collator=data_collator,
    )
    trainer.train()
    model.push_to_hub("codebert-llvm-ic-v0")


if __name__ == "__main__":
    main()
