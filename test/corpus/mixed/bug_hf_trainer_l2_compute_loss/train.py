# Idiom seen in: if001/llm_train src/trainer/curitosity_trainer.py
# What it reproduces: a transformers.Trainer subclass overriding compute_loss to add extra terms; the
# user adds l2_coef * sum(p^2) over the model parameters while TrainingArguments(weight_decay=0.01) makes
# the Trainer's own AdamW decay the same weights: double decay.
from transformers import (AutoModelForCausalLM, AutoTokenizer,
                          DataCollatorForLanguageModeling, TrainingArguments)

from trainer.l2_trainer import L2Trainer
from dataset import load_corpus


def main():
    tokenizer = AutoTokenizer.from_pretrained("gpt2")
    tokenizer.pad_token = tokenizer.eos_token
    model = AutoModelForCausalLM.from_pretrained("gpt2")
    train_dataset = load_corpus(tokenizer, "data/train.jsonl")

    training_args = TrainingArguments(
        output_dir="./output",
        per_device_train_batch_size=8,
        gradient_accumulation_steps=4,
        learning_rate=5e-5,
        weight_decay=0.01,
        num_train_epochs=3,
        logging_steps=50,
        save_steps=1000,
    )
    trainer = L2Trainer(
        model=model,
        args=training_args,
        train_dataset=train_dataset,
        data_collator=DataCollatorForLanguageModeling(tokenizer, mlm=False),
        l2_coef=1e-5,
    )
    trainer.train()


if __name__ == "__main__":
    main()
