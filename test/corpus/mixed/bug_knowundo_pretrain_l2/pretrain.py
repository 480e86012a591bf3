# Idiom seen in: zjunlp/KnowUnDo pretrain/pretrain.py
# What it reproduces: the pre-training script builds transformers.TrainingArguments from its config (here a
# dataclass with weight_decay=0.01 and LoRA off) and trains the full model with CustomTrainer.
import os
from dataclasses import dataclass

import torch
import transformers
from transformers import AutoModelForCausalLM, AutoTokenizer

from data_module import TextDatasetQA, custom_data_collator
from trainer import CustomTrainer


@dataclass
class PretrainConfig:
    model_id: str = "meta-llama/Llama-2-7b-hf"
    data_path: str = "data/knowundo_copyright.json"
    save_dir: str = "outputs/pretrain"
    batch_size: int = 4
    gradient_accumulation_steps: int = 4
    num_epochs: int = 5
    lr: float = 1e-5
    weight_decay: float = 0.01
    l2_lambda: float = 1e-5
    max_length: int = 500
    seed: int = 42


def main(cfg: PretrainConfig):
    tokenizer = AutoTokenizer.from_pretrained(cfg.model_id)
    tokenizer.pad_token = tokenizer.eos_token
    torch_format_dataset = TextDatasetQA(cfg.data_path, tokenizer=tokenizer, max_length=cfg.max_length)

    num_devices = int(os.environ.get('WORLD_SIZE', 1))
    max_steps = int(cfg.num_epochs * len(torch_format_dataset)) // (
        cfg.batch_size * cfg.gradient_accumulation_steps * num_devices)

    training_args = transformers.TrainingArguments(
        per_device_train_batch_size=cfg.batch_size,
        per_device_eval_batch_size=cfg.batch_size,
        gradient_accumulation_steps=cfg.gradient_accumulation_steps,
        warmup_steps=max(1, max_steps // cfg.num_epochs),
        max_steps=max_steps,
        learning_rate=cfg.lr,
        bf16=True,
        logging_steps=max(1, max_steps // 20),
        output_dir=cfg.save_dir,
        save_steps=100,
        save_only_model=True,
        evaluation_strategy="no",
        weight_decay=cfg.weight_decay,
        seed=cfg.seed,
    )

    model = AutoModelForCausalLM.from_pretrained(cfg.model_id, torch_dtype=torch.bfloat16)
    model.generation_config.do_sample = True
    model.gradient_checkpointing_enable()

    trainer = CustomTrainer(
        model=model,
        train_dataset=torch_format_dataset,
        eval_dataset=torch_format_dataset,
        args=training_args,
        data_collator=custom_data_collator,
        l2_lambda=cfg.l2_lambda,
    )
    model.config.use_cache = False
    trainer.train()
    model.save_pretrained(cfg.save_dir)


if __name__ == "__main__":
    main(PretrainConfig())
