# Idiom seen in: whaler404/Hf-Learn transformers_learn/training/trainer_api/hypeparameter_search/optuna.py
# What it reproduces: a plain Trainer built with model_init and TrainingArguments(weight_decay=...),
# tuned with optuna; the Trainer's own AdamW excludes biases and LayerNorm weights, no extra penalty.
from datasets import load_dataset
from transformers import (AutoModelForSequenceClassification, AutoTokenizer, Trainer,
                          TrainingArguments)

checkpoint = "bert-base-cased"
tokenizer = AutoTokenizer.from_pretrained(checkpoint)
dataset = load_dataset("yelp_review_full")
dataset = dataset.map(lambda ex: tokenizer(ex["text"], padding="max_length", truncation=True),
                      batched=True)


def model_init(trial):
    return AutoModelForSequenceClassification.from_pretrained(checkpoint, num_labels=5)


def optuna_hp_space(trial):
    return {
        "learning_rate": trial.suggest_float("learning_rate", 1e-6, 1e-4, log=True),
        "weight_decay": trial.suggest_float("weight_decay", 0.0, 0.1),
        "per_device_train_batch_size": trial.suggest_categorical("per_device_train_batch_size", [16, 32]),
    }


training_args = TrainingArguments(
    output_dir="trainer_output/optuna",
    weight_decay=0.01,
    eval_strategy="epoch",
    num_train_epochs=2,
)
trainer = Trainer(
    model=None,
    args=training_args,
    model_init=model_init,
    train_dataset=dataset["train"].shuffle(seed=42).select(range(1000)),
    eval_dataset=dataset["test"].shuffle(seed=42).select(range(1000)),
)
best_trial = trainer.hyperparameter_search(
    direction="minimize",
    backend="optuna",
    hp_space=optuna_hp_space,
    n_trials=20,
)
print(best_trial)
