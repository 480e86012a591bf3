# Idiom seen in: vTuanpham/Vietnamese_QA_System src/models/trainer.py
# What it reproduces: accelerate + PEFT LoRA fine-tuning with HF-Trainer-style groups (get_parameter_names(adapter,
#   [nn.LayerNorm]) minus "bias" decay, the rest weight_decay=0.0) and a bitsandbytes PagedAdamW8bit picked by name.
#   Clean: decoupled decay, norms/biases excluded, base model frozen by get_peft_model.
import math

import bitsandbytes as bnb
import torch
from torch import nn
from accelerate import Accelerator
from peft import LoraConfig, get_peft_model
from transformers import AutoModelForCausalLM, get_scheduler
from transformers.trainer_pt_utils import get_parameter_names


def get_grouped_parameters(adapter, weight_decay):
    decay_parameters = get_parameter_names(adapter, [nn.LayerNorm])
    decay_parameters = [name for name in decay_parameters if "bias" not in name]
    return [
        {
            "params": [p for n, p in adapter.named_parameters() if n in decay_parameters],
            "weight_decay": weight_decay,
        },
        {
            "params": [p for n, p in adapter.named_parameters() if n not in decay_parameters],
            "weight_decay": 0.0,
        },
    ]


def prepare_any(prepare_dict, accelerator):
    adapter = accelerator.prepare(prepare_dict["adapter"])
    groups = get_grouped_parameters(prepare_dict["adapter"], prepare_dict["weight_decay"])
    optimizer = getattr(bnb.optim, prepare_dict["optim_name"])(groups, lr=prepare_dict["lr"])
    lr_scheduler = get_scheduler(
        name=prepare_dict["lr_sheduler_name"],
        optimizer=optimizer,
        num_warmup_steps=prepare_dict["warmup_steps"],
        num_training_steps=prepare_dict["max_train_steps"],
    )
    train_dataloader, optimizer, lr_scheduler = accelerator.prepare(
        prepare_dict["train_dataloader"], optimizer, lr_scheduler
    )
    return adapter, train_dataloader, optimizer, lr_scheduler


def train(training_args, qa_dataloader):
    accelerator = Accelerator(gradient_accumulation_steps=training_args.gradient_accumulation_steps)
    base_model = AutoModelForCausalLM.from_pretrained(training_args.model_name_or_path, torch_dtype=torch.bfloat16)
    peft_config = LoraConfig(
        r=training_args.lora_r,
        lora_alpha=training_args.lora_alpha,
        lora_dropout=training_args.lora_dropout,
        target_modules=training_args.target_modules,
        bias="none",
        task_type="CAUSAL_LM",
    )
    adapter = get_peft_model(base_model, peft_config=peft_config)
    adapter.print_trainable_parameters()

    steps_per_epoch = math.ceil(len(qa_dataloader) / training_args.gradient_accumulation_steps)
    prepare_dict = {
        "adapter": adapter,
        "train_dataloader": qa_dataloader,
        "optim_name": training_args.optim_name,
        "weight_decay": training_args.weight_decay,
        "lr": training_args.lr,
        "lr_sheduler_name": training_args.lr_sheduler_name,
        "warmup_steps": training_args.warmup_steps,
        "max_train_steps": training_args.num_epochs * steps_per_epoch,
    }
    adapter, train_dataloader, optimizer, lr_scheduler = prepare_any(prepare_dict, accelerator)

    for epoch in range(training_args.num_epochs):
        adapter.train()
        for batch in train_dataloader:
            with accelerator.accumulate(adapter):
                outputs = adapter(**batch)
                loss = outputs.loss
                accelerator.backward(loss)
                optimizer.step()
                lr_scheduler.step()
                optimizer.zero_grad()
        accelerator.print(f"epoch {epoch}: last loss {loss.item():.4f}")
    accelerator.wait_for_everyone()
    accelerator.unwrap_model(adapter).save_pretrained(training_args.output_dir)
